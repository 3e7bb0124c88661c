// The most frequent themes in free-text suggestions: words lower-cased, Indonesian stop-words and
// everyday filler removed, grouped by stem so "pelatihan", "latihan" and "berlatih" count as one theme.
import { stopwords as indonesianStopwords } from "@orama/stopwords/indonesian";
import { stemmer } from "@orama/stemmers/indonesian";

/**
 * Words that carry no theme in feedback even though the stop-word list keeps them: politeness, chat
 * abbreviations, praise without content, and words every answer about this programme contains.
 */
const FILLER_WORDS = [
  "mohon", "tolong", "semoga", "harap", "berharap", "sangat", "banget", "sekali", "lebih", "kurang", "agak",
  "lagi", "sudah", "udah", "sdh", "belum", "blm", "terima", "kasih", "makasih", "trims", "thanks", "thx",
  "bagus", "baik", "mantap", "oke", "okay", "sip", "keren", "luar", "biasa", "puas", "senang", "suka",
  "ya", "yg", "dgn", "utk", "untuk", "tdk", "gak", "ga", "nggak", "ngga", "engga", "tidak", "aja", "saja",
  "sih", "deh", "dong", "nih", "kak", "kakak", "min", "admin", "bapak", "ibu", "pak", "bu", "kami", "saya",
  "sy", "aku", "gue", "kita", "mereka", "nya", "biar", "supaya", "kayak", "seperti", "bisa", "dapat",
  "perlu", "ingin", "mau", "pengen", "pingin", "ada", "adakan", "diadakan", "mengadakan", "terus", "selalu",
  "sering", "banyak", "semua", "para", "hal", "jadi", "menjadi", "karena", "krn", "juga", "jg", "prakerja",
  "kartu", "program", "acara", "kegiatan", "temu", "alumni", "sukses", "semangat",
];

const IGNORED = new Set<string>([...indonesianStopwords, ...FILLER_WORDS]);

/** Words of at least three letters; numbers, URLs' punctuation and emoji fall away. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().normalize("NFC").match(/\p{L}+/gu) ?? []).filter((word) => word.length >= 3);
}

// Filtering by the word, not its stem: the stemmer maps "peserta" to the stop-word "serta".
function isContentWord(word: string, stem: string): boolean {
  return !IGNORED.has(word) && stem.length >= 3;
}

/**
 * The top themes as [word, count]: count = how many suggestions mention the theme (a word repeated in
 * one suggestion counts once); the word shown is the theme's most frequent spelling (ties: shortest,
 * then alphabetical). Ordered by count, then word.
 */
export function suggestionThemes(suggestions: readonly string[], top = 5): [string, number][] {
  const documents = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  for (const suggestion of suggestions) {
    const seen = new Set<string>();
    for (const word of tokenize(suggestion)) {
      const stem = stemmer(word);
      if (!isContentWord(word, stem)) continue;
      const forms = spellings.get(stem) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      spellings.set(stem, forms);
      if (seen.has(stem)) continue;
      seen.add(stem);
      documents.set(stem, (documents.get(stem) ?? 0) + 1);
    }
  }
  const themes: [string, number][] = [...documents].map(([stem, count]) => [displayForm(spellings.get(stem)), count]);
  themes.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "id"));
  return themes.slice(0, top);
}

function displayForm(forms: Map<string, number> | undefined): string {
  const ranked = [...(forms ?? [])].sort(
    (a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0], "id"),
  );
  return ranked[0]?.[0] ?? "";
}
