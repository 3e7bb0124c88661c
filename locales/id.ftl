# Bahasa Indonesia — bahasa utama bot. Setiap kalimat yang dikirim bot ada di sini (atau di
# locales/id.<fitur>.ftl untuk fitur besar). Deskripsi perintah: pesan cmd-<perintah>.

## Perintah (menu perintah Telegram)
cmd-start = Mulai dan menu utama
cmd-menu = Tampilkan menu utama
cmd-tanya = Tanya apa saja tentang Prakerja
cmd-kelayakan = Cek apakah kamu bisa ikut Prakerja
cmd-acara = Lihat Temu Alumni terdekat
cmd-rsvpku = Pendaftaran acaramu
cmd-masukan = Beri masukan dan ceritamu
cmd-cerita = Baca cerita sukses alumni
cmd-privasi = Cara kami menjaga datamu
cmd-dataku = Lihat semua datamu yang tersimpan
cmd-hapusdata = Hapus semua datamu
cmd-berhenti = Berhenti menerima pengumuman
cmd-langganan = Terima pengumuman lagi
cmd-bahasa = Ganti bahasa
cmd-bantuan = Apa saja yang bisa bot ini lakukan
cmd-batal = Batalkan langkah yang sedang berjalan

## Sambutan dan persetujuan
welcome =
    Halo, { $name }! 👋
    Aku asisten <b>Temu Alumni Kartu Prakerja</b>. Aku bisa menjelaskan program Prakerja, mengecek kelayakanmu, menjawab pertanyaan, dan membantumu ikut pertemuan alumni di daerahmu.
onboarding-resume = Kita lanjutkan dari langkah terakhir, ya.
consent-ask =
    Sebelum lanjut, boleh aku menyimpan sedikit data tentangmu? 🔒

    Yang disimpan: nama depan dari Telegram, peranmu (alumni atau calon peserta), dan provinsimu — supaya aku bisa menunjukkan acara di daerahmu. Data hanya dipakai untuk layanan ini, tidak dijual, dan bisa kamu lihat (/dataku) atau hapus (/hapusdata) kapan saja.

    Penjelasan lengkap: /privasi
consent-yes = ✅ Setuju
consent-no = Tidak, terima kasih
consent-thanks = Terima kasih! Persetujuanmu sudah dicatat.
consent-declined =
    Tidak apa-apa. Aku tidak menyimpan data pribadimu.
    Kamu tetap bisa membaca info Prakerja, cek kelayakan, dan bertanya. Kalau nanti mau ikut Temu Alumni, ketik /start lagi.
consent-changed = Kebijakan privasi kami sudah diperbarui, jadi aku perlu minta persetujuanmu sekali lagi.
role-ask = Kamu termasuk yang mana?
role-alumni = 🎓 Alumni Prakerja
role-calon = 🙋 Calon peserta
role-lainnya = Lainnya
role-chosen = Peran: { $role }
province-ask = Kamu tinggal di provinsi mana? Pilih di bawah atau ketik namanya.
province-saved = Sip, provinsimu { $province }. 📍
province-did-you-mean = Maksudmu provinsi yang mana?
province-unknown = Maaf, aku belum mengenali nama provinsi itu. Coba ketik lagi (misalnya "Jambi" atau "Kalimantan Selatan"), atau pilih dari daftar.

## Menu utama
menu-title = Mau ngapain hari ini? Pilih menu di bawah, atau langsung ketik pertanyaanmu.
menu-title-limited = Pilih menu di bawah, atau langsung ketik pertanyaanmu tentang Prakerja.
menu-about = ℹ️ Tentang Prakerja
menu-eligibility = ✅ Cek Kelayakan
menu-faq = ❓ Tanya Jawab
menu-events = 🤝 Temu Alumni
menu-feedback = 💬 Masukan
menu-privacy = 🔒 Privasi
menu-unavailable = Maaf, menu ini sedang tidak tersedia. Coba lagi nanti, ya.

## Bantuan, bahasa, pembatalan
help =
    <b>Yang bisa aku bantu</b>
    /menu — menu utama
    /tanya — tanya apa saja tentang Prakerja (atau langsung ketik pertanyaanmu)
    /kelayakan — cek apakah kamu memenuhi syarat
    /acara — Temu Alumni terdekat dan pendaftarannya
    /rsvpku — pendaftaran acaramu
    /masukan — beri masukan dan ceritakan kabarmu setelah Prakerja
    /cerita — cerita sukses alumni
    /privasi, /dataku, /hapusdata — datamu, hakmu
    /berhenti, /langganan — atur pengumuman
    /bahasa — ganti bahasa
    /batal — batalkan langkah yang sedang berjalan

    Info resmi hanya di <a href="https://www.prakerja.go.id">prakerja.go.id</a>. Bot ini tidak pernah meminta OTP, NIK, atau kata sandimu.
language-ask = Pilih bahasa:
language-id = 🇮🇩 Bahasa Indonesia
language-en = 🇬🇧 English
language-set = Bahasa diganti ke Bahasa Indonesia.
cancelled = Oke, dibatalkan. Ketik /menu untuk kembali ke menu utama.
nothing-to-cancel = Tidak ada yang sedang berjalan. Ketik /menu untuk melihat menu.

## Jawaban umum
unknown-command = Maaf, aku tidak mengenal perintah itu. Ketik /bantuan untuk melihat daftar perintah, atau /menu.
fallback-text = Aku belum bisa menjawab itu. Coba pilih dari menu, atau ketik pertanyaanmu dengan kata lain.
fallback-other = Maaf, aku hanya bisa membaca pesan teks. Ketik pertanyaanmu atau buka /menu.
button-expired = Tombol ini sudah tidak berlaku. Ketik /menu untuk mulai lagi.
error-generic = Maaf, ada kendala di sistem kami. Coba lagi sebentar lagi, ya. 🙏
rate-limited = Pelan-pelan ya 🙏 Pesanmu terlalu cepat. Tunggu beberapa detik, lalu coba lagi.
group-use-private = Aku hanya melayani lewat chat pribadi supaya datamu aman. Silakan chat aku di @{ $bot }.

## Privasi
privacy-policy =
    <b>Kebijakan privasi</b> (versi { $version })
    Bot ini mengikuti UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi (UU PDP). Pengelolanya adalah penyelenggara Temu Alumni Kartu Prakerja yang menjalankan bot ini. Dasar pemrosesan: persetujuanmu, yang bisa kamu cabut kapan saja.

    <b>Data yang kami simpan</b> — hanya setelah kamu setuju: ID Telegram, nama depan dari Telegram, peran (alumni/calon peserta), provinsi, bahasa, dan waktu persetujuanmu. Jika kamu mendaftar acara: nama lengkap, kabupaten/kota, gelombang, pelatihan, nomor HP (hanya jika kamu membagikannya lewat tombol), jumlah pendamping, dan kehadiran. Jika kamu mengisi masukan: jawaban survei dan ceritamu. Juga catatan teknis percakapan (langkah yang sedang berjalan) dan pengumuman yang dikirim kepadamu.
    Kami <b>tidak pernah</b> meminta NIK, nomor Kartu Prakerja, OTP, atau kata sandi.

    <b>Untuk apa</b> — menampilkan acara di daerahmu, mengelola pendaftaran dan daftar hadir, mengirim pengingat dan pengumuman, serta menyusun statistik tanpa nama untuk perbaikan program. Pertanyaan yang belum bisa dijawab disimpan tanpa identitas untuk memperbaiki jawaban bot.

    <b>Berapa lama</b> — nama, nomor HP, pelatihan, dan kota pada pendaftaran dianonimkan { $retentionDays } hari setelah acara selesai. Catatan percakapan yang tidak selesai dihapus otomatis setelah 24 jam. Data lain disimpan sampai kamu menghapusnya atau mencabut persetujuan. Catatan sistem (log) hanya berisi nomor ID, tanpa nama atau isi pesan.

    <b>Siapa yang melihat</b> — hanya admin penyelenggara Temu Alumni (misalnya daftar peserta untuk acara yang kamu ikuti). Data tidak dijual dan tidak dibagikan ke pihak lain. Cerita hanya dipublikasikan jika kamu mengizinkannya, dengan nama atau tanpa nama sesuai pilihanmu. Pesan di Telegram juga diproses oleh Telegram sesuai kebijakannya sendiri.

    <b>Hakmu</b>
    • /dataku — lihat dan unduh semua datamu
    • /hapusdata — hapus semua datamu seketika
    • /tarikpersetujuan — cabut persetujuan; kami berhenti memproses dan menghapus datamu seketika
    • /berhenti — berhenti menerima pengumuman
    Untuk memperbaiki data, isi ulang (pendaftaran atau survei yang baru menggantikan yang lama) atau hapus lalu /start lagi. Permintaanmu langsung dijalankan, jauh di bawah batas 3×24 jam dalam UU PDP. Jika terjadi kebocoran data, kami memberi tahu kamu paling lambat 3×24 jam.

    Bot ini bukan kanal resmi pendaftaran. Info resmi: <a href="https://www.prakerja.go.id">prakerja.go.id</a>.
