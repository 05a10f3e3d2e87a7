// The function every payload of tests/fixtures/payloads.txt calls if it ever runs.
window.__nwPwned = 0;
window.nwpwn = () => {
  window.__nwPwned += 1;
};
