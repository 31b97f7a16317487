// jest's globalTeardown: see environment.cjs.
module.exports = () => require('./environment.cjs').closeIdle();
