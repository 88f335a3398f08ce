// The little of a page that the page's modules touch as they load, for Node
// (import this first): <html lang> (i18n.js reads and sets it) and no
// BroadcastChannel (settings.js opens one to hear other tabs; Node's would
// keep the test process alive, and another tab is the browser tests' job).
// Nothing here draws: a module that needs a real DOM is tested in Chromium.

const classes = new Set();
globalThis.document = {
  documentElement: {
    lang: 'zh-CN',
    classList: {
      add: (name) => classes.add(name),
      remove: (name) => classes.delete(name),
      contains: (name) => classes.has(name),
    },
  },
  querySelectorAll: () => [],
};
globalThis.BroadcastChannel = undefined;
