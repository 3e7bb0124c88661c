// Run by `postinstall`: works out the centre of every kabupaten/kota from the geografis package once and
// writes the 514 centres to src/generated/regency-centres.json (git-ignored), so the bot never parses
// the package's 30 MB village file itself (see src/domain/geo.ts).
import fs from "node:fs";
import path from "node:path";
import { deriveRegencyCentres, REGENCY_CENTRES_FILE, regencyCentresJson } from "../domain/geo.js";

const started = performance.now();
const centres = deriveRegencyCentres();
fs.mkdirSync(path.dirname(REGENCY_CENTRES_FILE), { recursive: true });
fs.writeFileSync(REGENCY_CENTRES_FILE, regencyCentresJson(centres));
console.log(`regency centres: ${centres.size} written in ${Math.round(performance.now() - started)} ms`);
