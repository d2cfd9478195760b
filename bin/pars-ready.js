#!/usr/bin/env node
"use strict";
// The command line runs the compiled engine and CLI (npm run build:cli writes dist-cli/).
require("../dist-cli/cli/main.js").main();
