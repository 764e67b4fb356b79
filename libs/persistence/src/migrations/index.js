"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIGRATIONS = void 0;
const Migration20261129070157_initial_1 = require("./Migration20261129070157_initial");
exports.MIGRATIONS = [{ name: 'Migration20261129070157_initial', class: Migration20261129070157_initial_1.Migration20261129070157_initial }];
//# sourceMappingURL=index.js.map