// Counts Content-Security-Policy violations on the page, so tests can assert there are none.
// Loaded before anything else; classic script so it runs before the body is parsed.
window.rgCspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.rgCspViolations.push({
    directive: event.effectiveDirective,
    blocked: String(event.blockedURI || ''),
    sample: event.sample || '',
  });
});
