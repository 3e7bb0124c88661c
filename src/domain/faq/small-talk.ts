/**
 * Small talk is not a question: "makasih ya min", "assalamualaikum", "ok sip", "-1". A message made
 * only of such words gets a short friendly reply instead of an FAQ search, and is never kept as an
 * unanswered question. A message that also asks something ("makasih, trus insentifnya kapan cair?")
 * is not small talk: it goes to the FAQ as usual.
 *
 * Pure and synchronous; the bot calls `classifySmallTalk` (or `FaqService.reply`) before matching and
 * answers with the locale key in SMALL_TALK_REPLY_KEYS.
 */

export type SmallTalkKind = "thanks" | "salam" | "help" | "greeting" | "ack" | "noise";

/** Locale key of the reply for each kind (locales/*.faq.ftl). */
export const SMALL_TALK_REPLY_KEYS: Readonly<Record<SmallTalkKind, string>> = {
  thanks: "faq-smalltalk-thanks",
  salam: "faq-smalltalk-salam",
  help: "faq-smalltalk-help",
  greeting: "faq-smalltalk-greeting",
  ack: "faq-smalltalk-ack",
  noise: "faq-smalltalk-noise",
};

const THANKS = [
  "makasih", "makasi", "makaci", "mksh", "mks", "maksih", "trimakasih", "terimakasih", "terima kasih", "trima kasih",
  "trims", "tks", "thx", "thanks", "thank you", "thankyou", "thank", "tq", "ty", "tengkyu", "tenkyu", "suwun",
  "matur nuwun", "maturnuwun", "nuwun", "hatur nuhun", "nuhun", "syukron", "syukran", "kasih",
];
const SALAM = [
  "assalamualaikum", "assalamu alaikum", "asalamualaikum", "assalamualaikom", "assalamu alaykum", "asalamu alaikum",
  "assalammualaikum", "asslamualaikum", "assalamu'alaikum", "aslm", "aslkm", "ass", "askum", "salamualaikum",
];
/**
 * A bare call for help ("tolong bantu saya", "butuh bantuan min"): no topic to search for, and the FAQ's
 * closest word is "bantuan" in the entry about other government aid. Bare "bantuan" is not here:
 * "makasih atas bantuan" is thanks.
 */
const HELP = [
  "tolong", "tolongin", "tlg", "bantu", "bantuin", "tolong bantu", "bantu saya", "bisa bantu", "mohon bantu",
  "minta tolong", "mohon bantuan", "minta bantuan", "butuh bantuan", "perlu bantuan", "help", "help me", "please help",
];
const GREETING = [
  "halo", "hallo", "helo", "hello", "hai", "hay", "hi", "hei", "hey", "pagi", "siang", "sore", "malam", "malem",
  "selamat pagi", "selamat siang", "selamat sore", "selamat malam", "met pagi", "met siang", "met sore", "met malam",
  "permisi", "punten", "misi", "p", "ping", "tes", "test", "testing", "sampurasun", "kulonuwun", "hola", "oi", "woi",
];
const ACK = [
  "ok", "oke", "okay", "okey", "okee", "oce", "okeh", "k", "sip", "siip", "sipp", "siap", "ya", "iya", "iyaa", "y", "yup",
  "yoi", "baik", "baiklah", "oh", "ohh", "oo", "owh", "oalah", "o gitu", "oh gitu", "oh begitu", "gitu", "begitu",
  "noted", "mantap", "mantul", "mantab", "good", "nice", "keren", "paham", "ngerti", "mengerti", "jelas", "sudah jelas",
  "udah jelas", "udh jelas", "beres", "done", "wkwk", "wkwkwk", "haha", "hehe", "hihi", "lol", "hmm", "hm", "oke deh",
  "yaudah", "ya udah", "ya sudah", "yasudah", "cukup", "sudah", "udah", "udh", "dah", "sip deh", "siap deh",
  "alhamdulillah", "amin", "aamiin", "amiin", "cakep", "top", "joss", "jos",
];
/** Words that may go with any small talk: address terms, particles, "banyak", "infonya". */
const FILLERS = [
  "min", "mimin", "admin", "kak", "ka", "kakak", "gan", "sis", "bro", "bang", "mas", "mba", "mbak", "pak", "bu", "om",
  "bot", "ya", "yah", "yaa", "ye", "deh", "dong", "sih", "nih", "lah", "kok", "loh", "lho", "banyak", "byk", "bnyk",
  "infonya", "info", "informasinya", "jawabannya", "atas", "semua", "semuanya", "sekali", "bgt", "banget", "juga",
  "wr", "wb", "warahmatullahi", "warahmatullah", "wabarakatuh", "wabarakatu", "all", "guys", "everyone", "teman",
  "temen", "ok", "oke", "sip", "dulu", "aja", "saja", "kalo", "begitu", "gitu", "sama", "sm", "for", "the", "a", "so",
  "much", "very", "you", "u", "selamat", "met", "semangat", "bantuannya", "penjelasannya", "udah", "sudah", "dibantu",
  "membantu", "ngebantu", "saya", "sy", "aku", "aq", "gue", "gw", "mohon", "please", "pls", "plis", "me", "ga", "gak",
  "nggak", "ngga", "gk",
];

function phraseSet(list: readonly string[]): Set<string> {
  return new Set(list.map((p) => p.replace(/[^a-z\s]/g, "")));
}
/** The phrases of each kind, in rank order: a message with several kinds is the first of them here. */
const PHRASES: ReadonlyArray<readonly [SmallTalkKind, Set<string>]> = [
  ["salam", phraseSet(SALAM)],
  ["thanks", phraseSet(THANKS)],
  ["help", phraseSet(HELP)],
  ["greeting", phraseSet(GREETING)],
  ["ack", phraseSet(ACK)],
];
const FILLER_SET = new Set(FILLERS);
const LONGEST = 3;

/** "makasiiih" → "makasih", "okeee" → "oke", "siiip" → "sip" (letters repeated for emphasis). */
function squeeze(word: string): string {
  return word.replace(/(\p{L})\1{2,}/gu, "$1").replace(/(\p{L})\1$/u, "$1");
}

/**
 * The kind of small talk a whole message is, or null when it is (or may be) a question. Kinds found
 * in one message rank salam > thanks > help > greeting > ack ("assalamualaikum, makasih min" is a salam,
 * "halo min, tolong bantu" a call for help).
 */
export function classifySmallTalk(raw: string): SmallTalkKind | null {
  const text = raw.normalize("NFKC").toLowerCase().replace(/['’`]/g, "");
  // no letters at all: digits, punctuation, emoji ("-1", "???", "123") — except a thumbs-up or similar
  if (!/\p{L}/u.test(text)) {
    if (/[👍👌🙏🙂😊😁👏✅]/u.test(text)) return /🙏/u.test(text) ? "thanks" : "ack";
    return text.trim() ? "noise" : null;
  }
  const words = text
    .replace(/[^\p{L}\s]+/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
  // a long message is a question or a story, not small talk
  if (words.length > 8) return null;
  const found = new Set<SmallTalkKind>();
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let n = Math.min(LONGEST, words.length - i); n >= 1 && !matched; n--) {
      const raw = words.slice(i, i + n).join(" ");
      for (const candidate of n === 1 ? [raw, squeeze(raw)] : [raw, words.slice(i, i + n).map(squeeze).join(" ")]) {
        const kind = PHRASES.find(([, set]) => set.has(candidate))?.[0];
        if (kind) {
          found.add(kind);
          matched = n;
          break;
        }
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    const word = words[i] as string;
    // laughter: "wkwkwk", "hahaha", "hehe"
    if (/^(?:(?:wk)+w?|(?:ha)+h?|(?:he)+h?|(?:hi)+h?)$/.test(word) && word.length >= 4) {
      found.add("ack");
      i++;
      continue;
    }
    if (FILLER_SET.has(word) || FILLER_SET.has(squeeze(word))) {
      i++;
      continue;
    }
    // one or two short words with no vowel ("zzz", "sdfgh", "x"): a slip of the keyboard
    if (words.length <= 2 && words.every((w) => !/[aiueo]/.test(w))) return "noise";
    return null; // a word that is not small talk: treat the message as a question
  }
  for (const [kind] of PHRASES) if (found.has(kind)) return kind;
  return null;
}
