// The project's own babel settings, so the floor is compiled exactly as the app is.
module.exports = require('../../babel.config.js');
