// `npm run db:seed-history`: records the current versions of faq.json and program-facts.json in
// prisma/seed/history.json, so a later version of the seed can update rows nobody edited.
import { recordSeedHistory } from "../domain/seed.js";

const dir = process.argv[2];
const added = dir ? recordSeedHistory(dir) : recordSeedHistory();
console.log(`history.json: ${added} new version(s) recorded`);
