"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.catalogueDirectory = catalogueDirectory;
exports.loadCatalogue = loadCatalogue;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const validate_benchmark_1 = require("./validate-benchmark");
function catalogueDirectory() {
    const candidates = [(0, node_path_1.join)(__dirname, '..', 'data'), (0, node_path_1.join)(__dirname, '..', '..', '..', '..', '..', 'libs', 'benchmarks', 'data')];
    for (const dir of candidates) {
        try {
            if ((0, node_fs_1.readdirSync)(dir).some((f) => f.endsWith('.json')))
                return dir;
        }
        catch {
        }
    }
    throw new Error(`benchmark catalogue not found (looked in ${candidates.join(', ')})`);
}
function loadCatalogue(dir = catalogueDirectory()) {
    return (0, node_fs_1.readdirSync)(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((file) => {
        const result = (0, validate_benchmark_1.validateBenchmark)(JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, file), 'utf8')));
        if (!result.ok)
            throw new Error(`${file}: ${result.errors.map((e) => e.message).join('; ')}`);
        return result.document;
    });
}
//# sourceMappingURL=catalogue.js.map