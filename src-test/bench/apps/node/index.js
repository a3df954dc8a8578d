// The hello-world function on the Knative Node.js functions runtime (faas-js-runtime), the peer Fetchlet is
// compared with: served by `faas-js-runtime index.js --port N`.
function handle() {
  return 'Hello, world!';
}

module.exports = { handle };
