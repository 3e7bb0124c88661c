import { stemmer } from "@orama/stemmers/indonesian";
import { stopwords as indonesianStopwords } from "@orama/stopwords/indonesian";

/**
 * Turns what people type in chat ("brp hr batas beli pelatihan stlh sk", "sy gak lolos2") into
 * standard Indonesian words, then into search tokens (stemmed, stop words removed).
 *
 * Pipeline: lowercase → strip HTML → amounts and multipliers ("600rb" → "600000", "x4" → "4 kali")
 * → strip punctuation and emoji → per word: collapse letters repeated 3+ times, drop the "2" of
 * reduplication ("lolos2"), split letters from digits → dictionary of informal spellings → phrases
 * ("kata sandi" → "password") → drop consecutive duplicates → a negator joined to the word it negates
 * ("gak cair" → "tidak_cair"). `normalize` then removes stop words (keeping words that carry the
 * question's meaning, like "berapa", "kapan", "tidak") and stems.
 */

/** Informal spellings and abbreviations → standard words ("" drops the word: fillers, greetings). */
const INFORMAL: Record<string, string> = {
  // question words
  gimana: "bagaimana", gmn: "bagaimana", gmana: "bagaimana", bgmn: "bagaimana", gmna: "bagaimana",
  gimna: "bagaimana", bagaimn: "bagaimana", gemana: "bagaimana", caranya: "cara",
  brp: "berapa", brapa: "berapa", berapaan: "berapa", brpa: "berapa",
  knp: "kenapa", napa: "kenapa", knapa: "kenapa", ngapa: "kenapa",
  kpn: "kapan", kapn: "kapan", kpan: "kapan",
  dmn: "dimana", dimn: "dimana", dmana: "dimana",
  ngapain: "apa", apaan: "apa", apakah: "apa",
  // negation
  gak: "tidak", ga: "tidak", nggak: "tidak", ngga: "tidak", enggak: "tidak", engga: "tidak", gk: "tidak",
  tdk: "tidak", ngak: "tidak", nda: "tidak", ndak: "tidak", gag: "tidak", kagak: "tidak", tak: "tidak",
  g: "tidak", gaada: "tidak ada", gada: "tidak ada", kaga: "tidak",
  blm: "belum", belom: "belum", blom: "belum", blum: "belum",
  bkn: "bukan", bukn: "bukan",
  // aspect and modality
  udh: "sudah", udah: "sudah", sdh: "sudah", dah: "sudah", uda: "sudah", sudh: "sudah", ud: "sudah",
  msh: "masih", masi: "masih", msih: "masih",
  bs: "bisa", bsa: "bisa", bisaa: "bisa",
  blh: "boleh", boleh2: "boleh",
  hrs: "harus", kudu: "harus", musti: "harus", mesti: "harus",
  mo: "mau", pengen: "ingin", pingin: "ingin", pgn: "ingin", pengin: "ingin", kepingin: "ingin",
  // pronouns and address terms (carry no meaning for the search)
  sy: "saya", aku: "saya", gw: "saya", gue: "saya", gua: "saya", ane: "saya", ak: "saya", sya: "saya",
  km: "kamu", lu: "kamu", lo: "kamu", elu: "kamu",
  kak: "", kakak: "", min: "", mimin: "", gan: "", sis: "", bro: "", bang: "", om: "", mas: "",
  mba: "", mbak: "", pak: "", bu: "", bund: "",
  // fillers and greetings
  dong: "", deh: "", sih: "", nih: "", kok: "", lho: "", loh: "", yah: "", ya: "", yaa: "",
  toh: "", kah: "", mah: "", halo: "", hai: "", hallo: "", pagi: "", siang: "", sore: "", malam: "",
  permisi: "", mohon: "", tolong: "", plis: "", please: "", makasih: "", mksh: "", trims: "",
  thanks: "", terimakasih: "", assalamualaikum: "", bgt: "", banget: "", sangat: "", kira2: "",
  gitu: "", gini: "", tanya: "", nanya: "", info: "", infonya: "",
  // time and quantity
  hr: "hari", hri: "hari", thn: "tahun", th: "tahun", thun: "tahun", bln: "bulan", mgg: "minggu",
  mg: "minggu", mgu: "minggu", skrg: "sekarang", skrng: "sekarang", skg: "sekarang", sekarng: "sekarang",
  kmrn: "kemarin", kemaren: "kemarin", bsk: "besok", td: "tadi", tgl: "tanggal", lg: "lagi",
  lgi: "lagi", sblm: "sebelum", sebelom: "sebelum",
  // "pas daftar" is "saat daftar" (when registering), a stop word: as a rare word "pas" tied a question
  // to whichever entry happened to word a variant with it
  pas: "saat",
  stlh: "setelah", abis: "setelah", habis: "setelah", sesudah: "setelah", stelah: "setelah",
  setlah: "setelah", sdah: "sudah", trs: "terus", trus: "terus",
  bnyk: "banyak", byk: "banyak", dikit: "sedikit", sdikit: "sedikit",
  // connectives
  yg: "yang", yng: "yang", krn: "karena", krna: "karena", karna: "karena", soalnya: "karena",
  utk: "untuk", buat: "untuk", untk: "untuk", bwt: "untuk", dgn: "dengan", dg: "dengan", dgan: "dengan",
  tp: "tapi", tpi: "tapi", jd: "jadi", jdi: "jadi", sm: "sama", ama: "sama", aja: "saja", ajah: "saja",
  aj: "saja", doang: "saja", kalo: "kalau", klo: "kalau", kl: "kalau", klau: "kalau", kalu: "kalau",
  dr: "dari", dri: "dari", dlm: "dalam", ttg: "tentang", spt: "seperti", kyk: "seperti",
  kayak: "seperti", kek: "seperti", sbg: "sebagai", pdhl: "padahal", sampe: "sampai", ampe: "sampai",
  smp: "sampai", atw: "atau", ato: "atau", atau2: "atau", emang: "memang", emg: "memang",
  cuman: "cuma", cm: "cuma", cmn: "cuma", org: "orang", orng: "orang", tau: "tahu", tw: "tahu",
  bener: "benar", bnr: "benar", gpp: "tidak apa",
  // verbs in chat form
  pake: "pakai", pk: "pakai", make: "pakai", dipake: "dipakai", makai: "pakai",
  duit: "uang", doku: "uang", fulus: "uang",
  cair: "cair", cairin: "cair", dicairin: "cair", nyairin: "cair", ncairin: "cair", pencairan: "cair",
  dicairkan: "cair", mencairkan: "cair", cairkan: "cair", ngecairin: "cair",
  ngecek: "cek", ngecheck: "cek", check: "cek", mengecek: "cek", dicek: "cek", ngechek: "cek",
  daptar: "daftar", daftr: "daftar", dftr: "daftar", ndaftar: "daftar", daftarin: "daftar",
  didaftarin: "daftar", regis: "daftar", registrasi: "daftar", register: "daftar", signup: "daftar",
  nerima: "terima", dapet: "dapat", dpt: "dapat", dapt: "dapat", dpet: "dapat", ngedapetin: "dapat",
  nunggu: "tunggu", nungguin: "tunggu", beliin: "beli", bli: "beli", byr: "bayar", bayarin: "bayar",
  ikutan: "ikut", ngikut: "ikut", ngikutin: "ikut", ikt: "ikut",
  keterima: "terima", ketrima: "terima", kepilih: "pilih",
  ngasih: "kasih", ksh: "kasih", kasi: "kasih",
  nyambungin: "hubungkan", sambungin: "hubungkan", nyambung: "hubungkan", konek: "hubungkan",
  connect: "hubungkan", tautkan: "hubungkan", sambungkan: "hubungkan",
  kerja2: "kerja", krja: "kerja", kerjaan: "pekerjaan", gawe: "kerja",
  // domain words and their chat spellings
  kk: "kartu keluarga", kaka: "", sk: "sk", nik: "nik", ktp: "ktp", ektp: "ktp",
  pns: "asn", polisi: "polri", tentara: "tni", kades: "kepala desa", lurah: "kepala desa",
  mhs: "mahasiswa", mahasiswi: "mahasiswa", kuliahan: "kuliah", ngampus: "kuliah", anak2: "anak",
  usia: "umur", umurnya: "umur", umr: "umur",
  insentip: "insentif", insetif: "insentif", intensif: "insentif", insentiv: "insentif",
  sertif: "sertifikat", serti: "sertifikat", sertipikat: "sertifikat", setifikat: "sertifikat",
  gel: "gelombang", glmbg: "gelombang", glombang: "gelombang", gelb: "gelombang", gelomban: "gelombang",
  pelatihn: "pelatihan", pltihan: "pelatihan", plthn: "pelatihan", kursus: "pelatihan",
  training: "pelatihan",
  prakrja: "prakerja", pkerja: "prakerja", praker: "prakerja", kartuprakerja: "kartu prakerja",
  hp: "hp", handphone: "hp", henpon: "hp", ponsel: "hp", nomer: "nomor", no: "nomor", nmr: "nomor",
  nmor: "nomor", telp: "telepon", telpon: "telepon", tlp: "telepon", nelpon: "telepon",
  imel: "email", emel: "email", surel: "email", gmail: "email",
  pw: "password", pass: "password", passwd: "password", sandi: "password",
  rek: "rekening", rekeningnya: "rekening", norek: "nomor rekening",
  ewallet: "ewallet", dompet: "ewallet", emoney: "ewallet",
  wa: "whatsapp", whatsap: "whatsapp", watsap: "whatsapp",
  ig: "instagram", insta: "instagram",
  web: "situs", website: "situs", webnya: "situs", laman: "situs", site: "situs",
  apk: "aplikasi", app: "aplikasi", apps: "aplikasi", aplikasinya: "aplikasi",
  hoax: "hoaks", scam: "penipuan", tipu: "penipuan", nipu: "penipuan", penipu: "penipuan",
  ditipu: "penipuan", modus: "penipuan",
  offline: "luring", online: "daring",
  tunai: "tunai", cash: "tunai",
  deadline: "batas", tenggat: "batas", expired: "hangus", kadaluarsa: "hangus", kadaluwarsa: "hangus",
  kedaluwarsa: "hangus",
  irt: "ibu rumah tangga",
  ortu: "orang tua", bokap: "ayah", nyokap: "ibu",
  gagal: "gagal", ditolak: "tolak",
  diblokir: "blokir", keblokir: "blokir", terblokir: "blokir", kebanned: "blokir", banned: "blokir",
  login: "masuk", log: "masuk", signin: "masuk",
  lupa: "lupa",
  rsvp: "rsvp",
  jelasin: "jelaskan", jelasain: "jelaskan", ngelola: "kelola", ngurus: "urus", ngurusin: "urus",
  lwt: "lewat", lewt: "lewat", ngaku: "mengaku", ngakunya: "mengaku",
  // "itu beneran?" asks whether something is genuine, as "itu asli?" does; "bener" alone is "right"
  beneran: "asli", bneran: "asli",
  batalin: "batal", dibatalin: "batal", form: "formulir", formnya: "formulir",
  dapetin: "dapat", dapatin: "dapat", onlen: "daring", onlain: "daring", ofline: "luring", oflen: "luring",
  oflain: "luring", liat: "lihat", ngeliat: "lihat", ngliat: "lihat", kluar: "keluar", dateng: "datang",
  temen: "teman", bikin: "membuat", bkin: "membuat", dimasukin: "masukkan", masukin: "masukkan",
  nyimpen: "simpan", kesimpen: "simpan", disimpen: "simpan", milih: "pilih", milihnya: "pilih",
  disiapin: "siapkan", siapin: "siapkan", diluncurin: "diluncurkan", bedain: "bedakan", kedeteksi: "terdeteksi",
  mulu: "terus", gabisa: "tidak bisa", gbs: "tidak bisa", gabs: "tidak bisa", kerjasama: "kerja sama",
  nyari: "cari", nyariin: "cari", ngirim: "kirim", kirimin: "kirim", ngasi: "kasih", dikasih: "kasih",
  gimana2: "bagaimana", knapa2: "kenapa", bukanya: "buka", dibuka2: "buka",
  tu: "itu", tuh: "itu", itu2: "itu", maks: "maksimal", max: "maksimal", maximal: "maksimal", min2: "",
  indo: "indonesia", jaman: "zaman", jamannya: "zaman", jelasinnya: "jelaskan", artinya: "arti",
  maksudnya: "maksud", jt: "juta", jeti: "juta", rb: "ribu", rebu: "ribu",
  ngelakuin: "lakukan", lakuin: "lakukan", ngerjain: "kerjakan", nawarin: "tawarkan", nawarain: "tawarkan",
  nyatet: "catat", nyatat: "catat", dicatet: "catat", pinjem: "pinjam", minjem: "pinjam", adek: "adik",
  nge: "", ngechat: "chat", pencet: "tekan", mencet: "tekan", dipencet: "tekan", diadain: "diadakan",
  ngadain: "adakan", kebaca: "terbaca", dituker: "tukar", nuker: "tukar", tuker: "tukar",
  // more chat verbs: ke-/ng-/-in forms → the standard form
  diwakilin: "diwakilkan", wakilin: "wakilkan", ngewakilin: "wakilkan", dikerjain: "dikerjakan",
  nyampe: "sampai", nyampai: "sampai", diuangin: "diuangkan", nguangin: "uangkan", uangin: "uangkan",
  kepake: "terpakai", kepakai: "terpakai", kedaftar: "terdaftar", kedaptar: "terdaftar", kedaftarin: "terdaftar",
  ketaut: "tertaut", kehubung: "terhubung", kesambung: "terhubung", ilang: "hilang", ngilang: "hilang",
  beresin: "selesaikan", beres: "selesai", kelar: "selesai", nongol: "muncul", ngambil: "ambil", ambilin: "ambil",
  dikemanain: "kemana", diapain: "apa", gantiin: "ganti", digantiin: "diganti", ngeganti: "ganti", ngerubah: "ubah",
  ngubah: "ubah", ubahin: "ubah", dipakein: "dipakai", nyelesain: "selesaikan", nyelesaiin: "selesaikan",
  dibayarin: "dibayar", ditransferin: "transfer", nransfer: "transfer", tf: "transfer", trf: "transfer",
  ngelapor: "lapor", laporin: "lapor", dilaporin: "lapor", nyobain: "coba", nyoba: "coba", cobain: "coba",
  nanyain: "tanyakan", ngejelasin: "jelaskan", diterusin: "teruskan", ngeblokir: "blokir", blokir2: "blokir",
  // more abbreviations
  jg: "juga", sdg: "sedang", lg2: "lagi", dl: "dulu", dlu: "dulu", prnh: "pernah", pernh: "pernah",
  bbrp: "beberapa", kmn: "kemana", kmana: "kemana", kyknya: "sepertinya", kayanya: "sepertinya",
  kayaknya: "sepertinya", ttp: "tetap", tetep: "tetap", smua: "semua", jgn: "jangan", sbnrnya: "sebenarnya",
  lbh: "lebih", bsr: "besar", cpt: "cepat", cepet: "cepat", duluan: "dahulu", sodara: "saudara", sdr: "saudara",
  bini: "istri", ayank: "", cuy: "", wkwk: "", wkwkwk: "", hehe: "", haha: "", btw: "",
  mnrt: "menurut", msk: "masuk", dftrnya: "daftar", pke: "pakai", sprti: "seperti", sblmnya: "sebelumnya",
  udah2: "sudah", gatau: "tidak tahu", gtw: "tidak tahu", gatw: "tidak tahu", ngerti: "mengerti",
  // regional chat forms (Javanese, Sundanese, Betawi) mixed into Indonesian
  opo: "apa", apo: "apa", piye: "bagaimana", kepiye: "bagaimana", kumaha: "bagaimana", naon: "apa",
  wae: "saja", wae2: "saja", piro: "berapa", pira: "berapa", sabaraha: "berapa", iso: "bisa", isa: "bisa",
  ora: "tidak", orak: "tidak", teu: "tidak", henteu: "tidak", moal: "tidak", carane: "cara", caranya2: "cara",
  kanggo: "untuk", kangge: "untuk", nggo: "untuk", sing: "yang", nang: "di", neng: "di", ning: "di",
  endi: "mana", ngendi: "dimana", kapan2: "kapan", sampun: "sudah", wis: "sudah", wes: "sudah", durung: "belum",
  acan: "belum", tos: "sudah", atuh: "", euy: "", cok: "", rek2: "", jal: "", tah: "", ae: "saja", mawon: "saja",
  gimane: "bagaimana", ape: "apa", kenape: "kenapa", kagak2: "tidak", ente: "kamu", elo: "kamu", lo2: "kamu",
  gw2: "saya", aing: "saya", kulo: "saya", kula: "saya", abdi: "saya", dapete: "dapat",
  hp2: "hp", carane2: "cara", kudune: "harus", ndaftar2: "daftar", daftare: "daftar",
  // more chat verbs and loan words seen in chat questions
  nentuin: "tentukan", ditentuin: "ditentukan", matiin: "matikan", dimatiin: "dimatikan", ditelpon: "telepon",
  ditelp: "telepon", launching: "diluncurkan", launch: "diluncurkan",
  gede: "besar", sekeluarga: "keluarga", pny: "punya", punye: "punya", simpen: "simpan", disimpen2: "simpan",
  english: "inggris", inggris: "inggris", notif: "notifikasi", notifnya: "notifikasi", joki: "diwakilkan",
  disambungin: "hubungkan", nyambungkan: "hubungkan",
  redeem: "tukar", ngeredeem: "tukar", diredeem: "tukar", diurusin: "urus", ditarik: "tarik", dijadiin: "jadi",
  jadiin: "jadi", tki: "pekerja migran",
  tkw: "pekerja migran", pmi: "pekerja migran", difabel: "disabilitas", cs: "call center", sosmed: "media sosial",
  medsos: "media sosial", websitenya: "situs",
  ngisi: "isi", diisiin: "isi", ngeceknya: "cek", ketauan: "ketahuan",
  taunya: "tahu", nerusin: "teruskan",
  switch: "ganti", verif: "verifikasi", diverif: "verifikasi", verifnya: "verifikasi", tele: "telegram",
  negri: "negeri", diliat: "lihat", bapak: "", ibuk: "", hack: "retas", dihack: "retas", kehack: "retas", official: "resmi", ofisial: "resmi", legal: "resmi", kaya: "seperti", kyak: "seperti", ganti2: "ganti", tkd: "tes kemampuan dasar", insentife: "insentif", insentipe: "insentif", syarate: "syarat", langkahe: "langkah", duite: "uang",
};

/** Multi-word phrases (after the word-level dictionary) → one standard form. */
const PHRASES: ReadonlyArray<readonly [string[], string[]]> = [
  [["kata", "password"], ["password"]], // "kata sandi": the dictionary already made "sandi" "password"
  [["pra", "kerja"], ["prakerja"]],
  [["surat", "keputusan"], ["sk"]],
  [["dompet", "digital"], ["ewallet"]],
  [["link", "aja"], ["linkaja"]],
  [["go", "pay"], ["gopay"]],
  [["e", "wallet"], ["ewallet"]],
  [["e", "mail"], ["email"]],
  [["e", "ktp"], ["ktp"]],
  [["ktp", "elektronik"], ["ktp"]],
  [["sama", "sama"], ["sama"]],
  [["tarik", "tunai"], ["tunai"]],
  // "apa itu X" / "X itu apa" ask for a definition
  [["apa", "itu"], ["pengertian"]],
  [["itu", "apa"], ["pengertian"]],
  // "jam berapa" asks the time of day; "berapa jam" asks how many hours
  [["jam", "berapa"], ["pukul", "berapa"]],
  // "berapa lama" asks how long, not how much: without this, "insentif berapa" leans to "berapa lama
  // insentif cair"
  [["berapa", "lama"], ["lama"]],
  // "berapa banyak" asks how many: "banyak" is a stop word, which left "udah brp banyak yg dpt
  // prakerja" with "berapa" and "prakerja" alone
  [["berapa", "banyak"], ["berapa", "jumlah"]],
  [["self", "paced"], ["mandiri"]],
  // "paling telat" means "at the latest" (a deadline), while "telat" alone means being late: without
  // this, "telat beli pelatihan" leans to the deadline entry instead of what happens when it is missed
  [["paling", "telat"], ["paling", "lambat"]],
  // "buat apa" / "untuk apa" asks what something is for (its purpose); "dapat apa" what one gets (the
  // benefits): read as "manfaat", "kartu prakerja buat apa" leaned to the benefits entry
  [["untuk", "apa"], ["guna", "tujuan"]],
  [["dapat", "apa"], ["manfaat"]],
];

/**
 * Question and modality words. The stop-word list has most of them, but they decide what is asked
 * ("berapa" vs "kapan", "sudah" vs "belum"), so they stay as tokens; they say nothing about the
 * topic, though, so they count half toward coverage and cannot anchor an answer.
 */
const QUESTION_WORDS = [
  "berapa", "kapan", "tidak", "bukan", "belum", "sudah", "masih", "bisa", "boleh", "harus", "lagi", "siapa",
  "dimana", "mana", "kenapa", "mengapa", "bagaimana", "apakah", "cara", "sekarang", "ingin", "baru", "terus",
  "cuma", "hanya", "sendiri", "orang", "lain", "dulu", "dahulu", "pernah", "tanpa",
];
/** Generic verbs and fillers that are not stop words but do not say what a question is about. */
const GENERIC_WORDS = ["benar", "tahu", "membuat", "pakai", "punya", "kasih", "memberi"];

/** Words the stop-word list has that are kept anyway, because they change what is asked. */
const KEEP = new Set([
  ...QUESTION_WORDS,
  "setelah", "sebelum", "lama", "sekali", "awal", "akhir", "pertama", "kedua", "berapakah", "lewat", "tunggu",
  "ulang", "batal", "keluar", "kali", "cepat", "umum",
]);

let functionTokens: Set<string> | undefined;
/** Whether a search token is a question word or a generic word (see QUESTION_WORDS). */
export function isFunctionWord(token: string): boolean {
  // built through the stemmer, so a question word it changes ("kenapa" → "napa") still counts
  functionTokens ??= new Set([...QUESTION_WORDS, ...GENERIC_WORDS].map(stemWord));
  return functionTokens.has(token);
}

const STOPWORDS = new Set(
  [...indonesianStopwords, "yang", "untuk", "dengan", "tapi", "jadi", "saja", "kalau", "apa", "aja", "nya", "sih",
    "kah", "dong", "rp", "ada", "ini", "itu", "dan", "atau", "di", "ke", "dari", "pada", "mau", "kamu", "saya",
    "termasuk", "berdasarkan", "menjadi", "terjadi"]
    .filter((w) => !KEEP.has(w)),
);

/**
 * Stems the Snowball-style stemmer gets wrong in a way that matters here: it reads "berapa" as
 * ber+apa, "keluarga" as ke+luarga, splits "terima"/"penerima"/"diterima" differently, and gives
 * "ketentuan" (the rules) and "tentukan" (to decide) one stem, so "yg nentuin lolos siapa" (who
 * decides) matched the eligibility rules.
 */
const STEM_OVERRIDES: Record<string, string> = {
  berapa: "berapa", berapakah: "berapa", keluarga: "keluarga", sekolah: "sekolah", penerima: "terima",
  menerima: "terima", diterima: "terima", terima: "terima", peserta: "peserta", kepesertaan: "peserta",
  pesertanya: "peserta", pelajar: "pelajar", belajar: "ajar", tahun: "tahun", pertama: "pertama",
  kedua: "kedua", seumur: "umur", umur: "umur", perangkat: "perangkat", pekerja: "kerja",
  pekerjaan: "kerja", bekerja: "kerja", kerja: "kerja", prakerja: "prakerja", dilakukan: "laku",
  pemerintah: "pemerintah", ketentuan: "tentu", tentukan: "tentukan", menentukan: "tentukan",
  ditentukan: "tentukan", penentuan: "tentukan",
  // "tunai" (cash) would stem to "tuna" as in "tuna rungu"; "terlambat" (being late) to "lambat" as in
  // the deadline "paling lambat", while its chat form "telat" stays apart from that
  tunai: "tunai", terlambat: "telat", terpenuhi: "penuh", memenuhi: "penuh", penuh: "penuh",
  pengelola: "kelola", mengelola: "kelola", dikelola: "kelola", pertemuan: "temu", bertemu: "temu",
  temu: "temu", perekonomian: "ekonomi", persyaratan: "syarat", bersyarat: "syarat", layak: "layak",
  kelayakan: "layak", peluang: "peluang", kesempatan: "sempat", selesai: "selesai", kesalahan: "salah",
  berhenti: "henti", perhentian: "henti", bahasa: "bahasa", selama: "lama", berapa2: "berapa",
  lebih: "lebih", setelah: "setelah", sebelum: "sebelum", kepala: "kepala", tatap: "tatap",
  bantuan: "bantu", sesuai: "sesuai", peserta2: "peserta", beli: "beli", dibeli: "beli",
  mengaku: "aku", kelola: "kelola", menunggu: "tunggu", penipuan: "tipu", menipu: "tipu", penipu: "tipu",
  kecuali: "kecuali", pengecualian: "kecuali", dikecualikan: "kecuali", mengenali: "kenal", kenali: "kenal",
  persentase: "persen", pengumuman: "pengumuman", diumumkan: "pengumuman", umumkan: "pengumuman",
  berikut: "berikut", berikutnya: "berikut", masalah: "masalah", bermasalah: "masalah", keluar: "keluar",
  memulai: "mula", ditemukan: "temukan", menemukan: "temukan", temukan: "temukan", menukarkan: "tukar",
  penukaran: "tukar", menukar: "tukar", meminta: "minta", diminta: "minta", ditetapkan: "tetapkan",
  menetapkan: "tetapkan", penetapan: "tetapkan", berhasil: "berhasil", keberhasilan: "berhasil",
  pendapat: "pendapat", berakhiran: "akhiran", berlangsung: "berlangsung", terbuka: "terbuka",
};

const HTML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function toNumber(digits: string): number {
  return Number(digits.replace(",", "."));
}

/** "Rp3.500.000", "600rb", "3,5 jt", "18,9 juta" → plain integers; "x4", "4x", "1x24" → "4 kali". */
function rewriteAmounts(text: string): string {
  return text
    .replace(/\brp\.?\s*/g, " ")
    // a year ("prakerja 2026 ada?") asks about that year's programme: keep the word "tahun" with it
    .replace(/(?<!tahun\s?)\b(20[1-4]\d)\b(?![\d.,])/g, " tahun $1 ")
    .replace(/(\d{1,3})((?:\.\d{3})+)(?![\d.,]*\d)/g, (_m, head: string, groups: string) => head + groups.replace(/\./g, ""))
    .replace(/(\d+(?:[.,]\d+)?)\s*(ribu|rb|rebu|k)\b/g, (_m, n: string) => ` ${Math.round(toNumber(n) * 1_000)} `)
    .replace(/(\d+(?:[.,]\d+)?)\s*(juta|jt|jeti)\b/g, (_m, n: string) => ` ${Math.round(toNumber(n) * 1_000_000)} `)
    .replace(/(\d+(?:[.,]\d+)?)\s*(miliar|milyar)\b/g, (_m, n: string) => ` ${Math.round(toNumber(n) * 1_000_000_000)} `)
    .replace(/\b(\d+)\s*[x×]\s*(\d+)\b/g, " $1 kali $2 ")
    .replace(/(?:^|\s)[x×]\s?(\d+)\b/g, " $1 kali ")
    .replace(/\b(\d+)\s?[x×](?=\s|$)/g, " $1 kali ");
}

function decodeHtml(text: string): string {
  return text
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#\d+|[a-z]+);/gi, (m, name: string) => {
      if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
      return HTML_ENTITIES[name.toLowerCase()] ?? m;
    });
}

const wordCache = new Map<string, readonly string[]>();
/** One raw chat word → zero or more standard words (cached: the same words come back all the time). */
function canonicalizeWord(raw: string): readonly string[] {
  let words = wordCache.get(raw);
  if (!words) {
    words = canonicalizeUncached(raw);
    if (wordCache.size > 50_000) wordCache.clear();
    wordCache.set(raw, words);
  }
  return words;
}

function canonicalizeUncached(raw: string): string[] {
  // letters repeated 3+ times are emphasis: "bangettt" → "banget", "gaaak" → "gak"
  let word = raw.replace(/(\p{L})\1{2,}/gu, "$1");
  // "lolos2", "kerja2an" (reduplication written with 2) → the base word
  const redup = /^(\p{L}{3,})2(an|nya)?$/u.exec(word);
  if (redup?.[1]) word = redup[1];
  const direct = INFORMAL[word];
  if (direct !== undefined) return direct ? direct.split(" ") : [];
  // a chat word with "-nya" or Javanese "-e" ("dapetnya", "duite"): the word's standard form
  const suffixed = /^(\p{L}{2,}?)(?:nya|e)$/u.exec(word)?.[1];
  const base = suffixed !== undefined ? INFORMAL[suffixed] : undefined;
  if (base) return base.split(" ");
  // "umur25", "15hari", "gelombang5" → split letters from digits
  if (/\p{L}/u.test(word) && /\d/.test(word)) {
    return word
      .split(/(?<=\d)(?=\p{L})|(?<=\p{L})(?=\d)/u)
      .flatMap((part) => (/^\d+$/.test(part) ? [part] : canonicalizeWord(part)));
  }
  return [word];
}

function applyPhrases(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const phrase = PHRASES.find(([from]) => from.every((w, k) => words[i + k] === w));
    if (phrase) {
      out.push(...phrase[1]);
      i += phrase[0].length - 1;
    } else {
      out.push(words[i] as string);
    }
  }
  return out;
}

/**
 * Negation: "insentif gak cair", "otp belum masuk", "nik tdk terdaftar" report a problem, while the
 * bare verb matches the entries that explain the normal process ("kapan insentif cair"). A negator
 * ("tidak" or "belum", whatever the chat spelling: both say it did not happen) and the content word
 * after it become one word, "tidak_cair", in the entries' texts as in questions; FaqIndex reads the two
 * words apart when no entry has that negation. After a modal or "apa"/"atau" the negator asks yes or no
 * ("bisa ga ikut", "lolos apa ga") and stays a word of its own.
 */
export const NEGATED = "tidak_";
const NEGATORS = new Set(["tidak", "belum", "gagal"]);
const YES_NO_BEFORE = new Set(["bisa", "boleh", "mau", "harus", "ada", "apa", "atau"]);

function foldNegation(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1];
    const token = next === undefined || /^\d+$/.test(next) ? null : tokenOf(next);
    if (NEGATORS.has(word) && token && !isFunctionWord(token) && !YES_NO_BEFORE.has(words[i - 1] ?? "")) {
      out.push(NEGATED + next);
      i++;
    } else {
      out.push(word);
    }
  }
  return out;
}

/** Standard Indonesian words of a text, before stop-word removal and stemming. */
export function canonicalWords(text: string): string[] {
  let s = text.normalize("NFKC").toLowerCase();
  if (/[<&]/.test(s)) s = decodeHtml(s);
  s = s.replace(/\be-(?=[a-z])/g, "e"); // e-KTP, e-wallet, e-mail
  if (/\d/.test(s)) s = rewriteAmounts(s);
  s = s.replace(/[^\p{L}\p{N}]+/gu, " ");
  const words = applyPhrases(
    s
      .split(" ")
      .filter(Boolean)
      .flatMap(canonicalizeWord),
  );
  return foldNegation(words.filter((w, i) => w !== words[i - 1]));
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

const stemCache = new Map<string, string>();
/**
 * The search token of one standard word (Orama's Indonesian stemmer plus a few corrections). A
 * dictionary-based Sastrawi port (sastrawijs 1.1.0, the npm one that installs) was tried in its place:
 * the same unseen-wording top-1 (0.942), one more wrong direct answer, and 30 packages for a
 * misdeclared babel dependency, so it was not adopted.
 */
export function stemWord(word: string): string {
  const override = STEM_OVERRIDES[word] ?? STEM_OVERRIDES[word.replace(/(?:nya|mu|ku)$/, "")];
  if (override) return override;
  if (/^\d+$/.test(word) || word.length <= 4) return word;
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (stem.length < 3) stem = word;
    if (stemCache.size > 20_000) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/** Search token for one standard word, or null when it is a stop word or carries nothing. */
export function tokenOf(word: string): string | null {
  if (word.startsWith(NEGATED)) {
    const negated = tokenOf(word.slice(NEGATED.length));
    return negated && NEGATED + negated;
  }
  if (word.length < 2 && !/^\d$/.test(word)) return null;
  if (STOPWORDS.has(word)) return null;
  return stemWord(word);
}

/** Full pipeline: search tokens of a text (stemmed, stop words removed, in text order). */
export function normalize(text: string): string[] {
  const tokens: string[] = [];
  for (const word of canonicalWords(text)) {
    const token = tokenOf(word);
    if (token) tokens.push(token);
  }
  return tokens;
}

/**
 * Standard forms a chat verb may stand for, by the colloquial affixes of Jakarta Indonesian: the
 * suffix -in for -kan/-i ("batalin", "dibatalin" → "batalkan", "dibatalkan", "batal"), the nasal
 * prefixes ng-/nge-/ny-/n-/m- for me- ("ngambil" → "ambil", "nyimpan" → "simpan", "ngebatalin" → "batal",
 * "nulis" → "tulis", "milih" → "pilih") and
 * ke- for ter- ("kehapus" → "terhapus", "hapus"). Most likely first; the index keeps the first one it
 * knows. Words the dictionary already maps never get here.
 */
export function colloquialForms(word: string): string[] {
  if (word.length < 5) return [];
  const bases = new Set<string>();
  const stems: string[] = [word];
  if (/^nge/.test(word)) stems.push(word.slice(3), word.slice(2), "k" + word.slice(2));
  else if (/^ng[aiueo]/.test(word)) stems.push(word.slice(2), "k" + word.slice(2));
  else if (/^ny[aiueo]/.test(word)) stems.push("s" + word.slice(2), "c" + word.slice(2));
  else if (/^n[aiueo]/.test(word)) stems.push("t" + word.slice(1));
  else if (/^m[aiueo]/.test(word)) stems.push("p" + word.slice(1));
  else if (/^ke/.test(word)) stems.push("ter" + word.slice(2), word.slice(2));
  else if (/^di/.test(word)) stems.push(word.slice(2));
  for (const stem of stems) {
    const root = /in$/.test(stem) && stem.length >= 5 ? stem.slice(0, -2) : null;
    if (root) {
      // a doubled vowel before -in ("isiin") is the root's own vowel
      const base = /([aiueo])\1$/.test(root) ? root.slice(0, -1) : root;
      bases.add(base + "kan");
      bases.add(base);
      bases.add(base + "i");
    } else if (stem !== word) {
      bases.add(stem);
    }
  }
  bases.delete(word);
  return [...bases].filter((b) => b.length >= 3);
}

/** Number of informal spellings the dictionary knows (documented minimum: 80). */
export const informalDictionarySize = Object.keys(INFORMAL).length;

/** Whether a word is an informal spelling the dictionary knows (used to split run-together words). */
export function isKnownChatWord(word: string): boolean {
  return word in INFORMAL || STOPWORDS.has(word) || KEEP.has(word);
}
