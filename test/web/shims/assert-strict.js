// `assert/strict` in the web test bundle: the npm package `assert` (Node's assert for browsers) in strict mode.
module.exports = require('assert').strict;
