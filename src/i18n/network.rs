//! The words of the network states and of the reader's refusals, one table per language.

use super::Lang;

/// The words of the network states: the "possibly out of date" mark and one message per way
/// a feed request can end (see [`crate::network::failure::Failure::message`]). `{}` is the
/// detail (status, reason, size in MB), `{url}` the feed URL.
#[derive(Debug)]
pub struct NetworkStrings {
    /// The small mark beside content kept after a failed update.
    pub stale: &'static str,
    /// The mark's accessible label, saying why.
    pub stale_label: &'static str,
    pub http_status: &'static str,
    pub html_page: &'static str,
    pub not_json: &'static str,
    pub not_feed: &'static str,
    pub too_large: &'static str,
    /// `{attempts}` and `{seconds}` instead of `{}`.
    pub timed_out: &'static str,
    pub offline: &'static str,
    pub network: &'static str,
    pub interrupted: &'static str,
    /// The reader's reasons, the `{}` of `not_json` and `not_feed`. Paths (`{path}`: `$.items`,
    /// `/rss/channel`) stay as written in the document.
    /// A JSON or XML syntax error at `{line}` and `{column}`.
    pub json_syntax: &'static str,
    pub xml_syntax: &'static str,
    /// No `items` array where a JSON Feed has one.
    pub no_items: &'static str,
    /// The value at `{path}` is of the wrong type.
    pub wrong_type: &'static str,
    /// The feed has items, none of which can be shown.
    pub no_usable_items: &'static str,
    /// Well-formed XML that is not RSS or Atom.
    pub not_xml_feed: &'static str,
    /// The reason phrases of [`STATUSES`], in the same order.
    pub statuses: [&'static str; 13],
}

/// The statuses a feed server commonly answers with, whose reason phrase the message names
/// (HTTP/2 sends none, so the browser's `statusText` is often empty).
pub const STATUSES: [u16; 13] = [
    400, 401, 403, 404, 408, 410, 429, 451, 500, 502, 503, 504, 508,
];

pub(super) fn table(lang: Lang) -> &'static NetworkStrings {
    match lang {
        Lang::ZhCn => &ZH_HANS,
        Lang::ZhHant => &ZH_HANT,
        Lang::En => &EN,
        Lang::Ja => &JA,
        Lang::Ko => &KO,
        Lang::Ar => &AR,
    }
}

impl NetworkStrings {
    /// Every string with its key, for the tests that check no language misses one.
    pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
        let mut all = vec![
            ("stale", self.stale),
            ("stale_label", self.stale_label),
            ("http_status", self.http_status),
            ("html_page", self.html_page),
            ("not_json", self.not_json),
            ("not_feed", self.not_feed),
            ("too_large", self.too_large),
            ("timed_out", self.timed_out),
            ("offline", self.offline),
            ("network", self.network),
            ("interrupted", self.interrupted),
            ("json_syntax", self.json_syntax),
            ("xml_syntax", self.xml_syntax),
            ("no_items", self.no_items),
            ("wrong_type", self.wrong_type),
            ("no_usable_items", self.no_usable_items),
            ("not_xml_feed", self.not_xml_feed),
        ];
        all.extend(self.statuses.iter().map(|s| ("statuses", *s)));
        all
    }

    /// The reason phrase of `status` ("" for a status not in [`STATUSES`]).
    pub fn status_reason(&self, status: u16) -> &'static str {
        STATUSES
            .iter()
            .position(|s| *s == status)
            .map_or("", |i| self.statuses[i])
    }
}

static ZH_HANS: NetworkStrings = NetworkStrings {
    stale: "可能不是最新",
    stale_label: "内容可能不是最新:最近一次更新失败",
    http_status: "订阅源服务器返回错误 HTTP {}({url})",
    html_page: "订阅源地址返回的是网页(HTML),不是订阅源({url})",
    not_json: "订阅源不是有效的 JSON:{}({url})",
    not_feed: "该文件不是可用的订阅源(JSON Feed、RSS 或 Atom):{}({url})",
    too_large: "订阅源大于 {} MB,未加载({url})",
    timed_out: "订阅源服务器响应超时:{seconds} 秒内尝试 {attempts} 次({url})",
    offline: "网络已断开,连接恢复后将自动加载({url})",
    network: "无法连接订阅源服务器:连接失败,或被服务器的跨域(CORS)设置阻止({url})",
    interrupted: "订阅源下载中断,内容不完整({url})",
    json_syntax: "第 {line} 行第 {column} 列有语法错误",
    xml_syntax: "XML 格式错误,位于第 {line} 行第 {column} 列",
    no_items: "{path} 处没有 items 数组",
    wrong_type: "{path} 的类型不对",
    no_usable_items: "没有一个条目可以显示",
    not_xml_feed: "XML 文档不是 RSS 或 Atom",
    statuses: [
        "请求无效",
        "需要身份验证",
        "禁止访问",
        "未找到",
        "请求超时",
        "已删除",
        "请求过多",
        "因法律原因不可用",
        "服务器内部错误",
        "网关错误",
        "服务暂不可用",
        "网关超时",
        "检测到循环",
    ],
};

static ZH_HANT: NetworkStrings = NetworkStrings {
    stale: "可能不是最新",
    stale_label: "內容可能不是最新:最近一次更新失敗",
    http_status: "訂閱源伺服器傳回錯誤 HTTP {}({url})",
    html_page: "訂閱源網址傳回的是網頁(HTML),不是訂閱源({url})",
    not_json: "訂閱源不是有效的 JSON:{}({url})",
    not_feed: "該檔案不是可用的訂閱源(JSON Feed、RSS 或 Atom):{}({url})",
    too_large: "訂閱源大於 {} MB,未載入({url})",
    timed_out: "訂閱源伺服器回應逾時:{seconds} 秒內嘗試 {attempts} 次({url})",
    offline: "網路已中斷,連線恢復後將自動載入({url})",
    network: "無法連線到訂閱源伺服器:連線失敗,或被伺服器的跨來源(CORS)設定阻擋({url})",
    interrupted: "訂閱源下載中斷,內容不完整({url})",
    json_syntax: "第 {line} 行第 {column} 列有語法錯誤",
    xml_syntax: "XML 格式錯誤,位於第 {line} 行第 {column} 列",
    no_items: "{path} 處沒有 items 陣列",
    wrong_type: "{path} 的類型不對",
    no_usable_items: "沒有任何項目可以顯示",
    not_xml_feed: "XML 文件不是 RSS 或 Atom",
    statuses: [
        "請求無效",
        "需要身分驗證",
        "禁止存取",
        "找不到",
        "請求逾時",
        "已刪除",
        "請求過多",
        "因法律原因無法提供",
        "伺服器內部錯誤",
        "閘道錯誤",
        "服務暫時無法使用",
        "閘道逾時",
        "偵測到迴圈",
    ],
};

static EN: NetworkStrings = NetworkStrings {
    stale: "May be out of date",
    stale_label: "These stories may be out of date: the latest update failed",
    http_status: "The feed server answered with an error: HTTP {} ({url})",
    html_page: "The feed address returned a web page (HTML), not a feed ({url})",
    not_json: "The feed is not valid JSON: {} ({url})",
    not_feed: "The file is not a usable news feed (JSON Feed, RSS or Atom): {} ({url})",
    too_large: "The feed is larger than {} MB and was not loaded ({url})",
    timed_out: "The feed server did not answer in time: {attempts} attempts in {seconds} s ({url})",
    offline: "You are offline; the news will load when the connection is back ({url})",
    network: "The feed server could not be reached: the connection failed or the server's CORS settings block this page ({url})",
    interrupted: "The feed download broke off before it was complete ({url})",
    json_syntax: "a syntax error at line {line} column {column}",
    xml_syntax: "not well-formed XML at line {line} column {column}",
    no_items: "no items array at {path}",
    wrong_type: "{path} has the wrong type",
    no_usable_items: "none of its items can be shown",
    not_xml_feed: "the XML document is not RSS or Atom",
    statuses: [
        "Bad Request",
        "Unauthorized",
        "Forbidden",
        "Not Found",
        "Request Timeout",
        "Gone",
        "Too Many Requests",
        "Unavailable For Legal Reasons",
        "Internal Server Error",
        "Bad Gateway",
        "Service Unavailable",
        "Gateway Timeout",
        "Loop Detected",
    ],
};

static JA: NetworkStrings = NetworkStrings {
    stale: "最新ではない可能性があります",
    stale_label: "記事が最新ではない可能性があります：直近の更新に失敗しました",
    http_status: "フィードのサーバーがエラーを返しました：HTTP {}（{url}）",
    html_page: "フィードのアドレスはフィードではなくウェブページ（HTML）を返しました（{url}）",
    not_json: "フィードは有効な JSON ではありません：{}（{url}）",
    not_feed: "このファイルは利用できるフィード（JSON Feed、RSS、Atom）ではありません：{}（{url}）",
    too_large: "フィードが {} MB を超えているため読み込みませんでした（{url}）",
    timed_out: "フィードのサーバーが時間内に応答しませんでした：{seconds} 秒間に {attempts} 回試行（{url}）",
    offline: "オフラインです。接続が戻るとニュースを読み込みます（{url}）",
    network: "フィードのサーバーに接続できませんでした：接続に失敗したか、サーバーの CORS 設定でこのページからのアクセスが拒否されています（{url}）",
    interrupted: "フィードのダウンロードが途中で切れました（{url}）",
    json_syntax: "{line} 行 {column} 列に構文エラーがあります",
    xml_syntax: "{line} 行 {column} 列で XML の形式が正しくありません",
    no_items: "{path} に items 配列がありません",
    wrong_type: "{path} の型が正しくありません",
    no_usable_items: "表示できる項目がひとつもありません",
    not_xml_feed: "この XML 文書は RSS でも Atom でもありません",
    statuses: [
        "不正なリクエスト",
        "認証が必要",
        "アクセス禁止",
        "見つかりません",
        "リクエストタイムアウト",
        "削除済み",
        "リクエスト過多",
        "法的理由により利用不可",
        "サーバー内部エラー",
        "不正なゲートウェイ",
        "サービス利用不可",
        "ゲートウェイタイムアウト",
        "ループを検出",
    ],
};

static KO: NetworkStrings = NetworkStrings {
    stale: "최신 내용이 아닐 수 있음",
    stale_label: "최신 기사가 아닐 수 있습니다: 마지막 업데이트에 실패했습니다",
    http_status: "피드 서버가 오류를 반환했습니다: HTTP {} ({url})",
    html_page: "피드 주소가 피드가 아닌 웹 페이지(HTML)를 반환했습니다 ({url})",
    not_json: "피드가 올바른 JSON이 아닙니다: {} ({url})",
    not_feed: "이 파일은 사용할 수 있는 피드(JSON Feed, RSS, Atom)가 아닙니다: {} ({url})",
    too_large: "피드가 {}MB보다 커서 불러오지 않았습니다 ({url})",
    timed_out: "피드 서버가 제시간에 응답하지 않았습니다: {seconds}초 동안 {attempts}번 시도 ({url})",
    offline: "오프라인 상태입니다. 연결되면 뉴스를 불러옵니다 ({url})",
    network: "피드 서버에 연결할 수 없습니다: 연결에 실패했거나 서버의 CORS 설정이 이 페이지를 차단합니다 ({url})",
    interrupted: "피드 다운로드가 완료되기 전에 끊겼습니다 ({url})",
    json_syntax: "{line}행 {column}열에 구문 오류가 있습니다",
    xml_syntax: "{line}행 {column}열의 XML 형식이 올바르지 않습니다",
    no_items: "{path}에 items 배열이 없습니다",
    wrong_type: "{path}의 형식이 잘못되었습니다",
    no_usable_items: "표시할 수 있는 항목이 하나도 없습니다",
    not_xml_feed: "이 XML 문서는 RSS나 Atom이 아닙니다",
    statuses: [
        "잘못된 요청",
        "인증 필요",
        "접근 금지",
        "찾을 수 없음",
        "요청 시간 초과",
        "삭제됨",
        "요청 과다",
        "법적 사유로 이용 불가",
        "서버 내부 오류",
        "잘못된 게이트웨이",
        "서비스 이용 불가",
        "게이트웨이 시간 초과",
        "루프 감지됨",
    ],
};

static AR: NetworkStrings = NetworkStrings {
    stale: "قد لا تكون محدّثة",
    stale_label: "قد لا تكون هذه الأخبار محدّثة: فشل آخر تحديث",
    http_status: "ردّ خادم الموجز بخطأ: HTTP {} ({url})",
    html_page: "أعاد عنوان الموجز صفحة ويب (HTML) وليس موجزًا ({url})",
    not_json: "الموجز ليس JSON صالحًا: {} ({url})",
    not_feed: "هذا الملف ليس موجز أخبار صالحًا للاستخدام (JSON Feed أو RSS أو Atom): {} ({url})",
    too_large: "حجم الموجز أكبر من {} ميغابايت ولم يُحمَّل ({url})",
    timed_out: "لم يردّ خادم الموجز في الوقت المحدد: {attempts} محاولات خلال {seconds} ثانية ({url})",
    offline: "أنت غير متصل بالإنترنت؛ ستُحمَّل الأخبار عند عودة الاتصال ({url})",
    network: "تعذّر الوصول إلى خادم الموجز: فشل الاتصال أو أن إعدادات CORS في الخادم تحجب هذه الصفحة ({url})",
    interrupted: "انقطع تنزيل الموجز قبل اكتماله ({url})",
    json_syntax: "خطأ في الصياغة في السطر {line} العمود {column}",
    xml_syntax: "XML غير سليم البنية في السطر {line} العمود {column}",
    no_items: "لا توجد مصفوفة items في {path}",
    wrong_type: "نوع القيمة في {path} غير صحيح",
    no_usable_items: "لا يمكن عرض أي عنصر من عناصره",
    not_xml_feed: "مستند XML هذا ليس RSS ولا Atom",
    statuses: [
        "طلب غير صالح",
        "مطلوب تسجيل الدخول",
        "الوصول ممنوع",
        "غير موجود",
        "انتهت مهلة الطلب",
        "محذوف",
        "طلبات كثيرة جدًا",
        "غير متاح لأسباب قانونية",
        "خطأ داخلي في الخادم",
        "بوابة غير صالحة",
        "الخدمة غير متاحة",
        "انتهت مهلة البوابة",
        "تم اكتشاف حلقة",
    ],
};
