// Loads the loader with the page's own query string, so a test page can choose the loader's
// options (`many.html?max-instances=2` loads `news-widget.js?max-instances=2`).
import(`/news-widget.js${location.search}`);
