// Run as a separate process by tests/domain/feedback-invitations.test.ts: claims the due invitations in
// the database named by argv[2] at the time argv[3], and prints the claimed registration ids as JSON.
import { openDatabase } from "../../src/db.js";
import { claimDueInvitations } from "../../src/domain/feedback/invitations.js";

const [url, at] = process.argv.slice(2);
if (!url || !at) throw new Error("usage: claim-invitations-child <database url> <ISO time>");
const db = await openDatabase(url);
try {
  const claimed = await claimDueInvitations(db, new Date(at));
  process.stdout.write(JSON.stringify(claimed.map((invitation) => invitation.registrationId)));
} finally {
  await db.$disconnect();
}
