// Plays a frame that is not the widget's and asks the parent to resize it anyway; the second
// message tells the test that the first has been delivered (messages from one window to
// another arrive in order).
window.parent.postMessage({ type: "news-widget:resize", height: 4321 }, "*");
window.parent.postMessage({ type: "e2e:fake-sent", from: location.origin }, "*");
