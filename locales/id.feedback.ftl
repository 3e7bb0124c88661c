# Masukan (survei), undangan setelah Temu Alumni, cerita sukses, dan statistik untuk admin.
# Teks yang dikirim dengan parse_mode HTML boleh memakai <b>, <i>; teks dari pengguna selalu di-escape.

## Memilih survei (/masukan)
feedback-needs-consent = Untuk mengisi masukan, aku perlu persetujuanmu dulu untuk menyimpan jawabanmu. Ketik /start untuk membaca dan menyetujuinya, ya.
feedback-choose-scope =
    💬 <b>Masukan untuk Prakerja</b>

    Jawabanmu membantu kami memperbaiki Temu Alumni dan program Prakerja. Kamu mau memberi masukan untuk apa?
feedback-scope-event-button = 🤝 { $title }
feedback-scope-program-button = 🎓 Program Kartu Prakerja secara umum
feedback-program-title = Program Kartu Prakerja
feedback-not-your-event = Maaf, masukan untuk acara ini hanya bisa diisi oleh peserta yang terdaftar. Kamu tetap bisa memberi masukan untuk program Prakerja secara umum lewat /masukan.
feedback-event-not-started = Acara ini belum berlangsung. Masukan bisa diisi setelah acaranya dimulai, ya.

## Undangan setelah acara
feedback-invitation =
    Terima kasih sudah ikut <b>{ $title }</b>! 🙏

    Boleh minta waktu sekitar 3 menit untuk memberi masukan? Kami ingin tahu apa yang paling berguna, apa yang perlu diperbaiki, dan bagaimana kabarmu setelah Prakerja.
feedback-invitation-button = 📝 Isi masukan

## Percakapan survei
feedback-intro = 📝 <b>Masukan: { $title }</b>
    Ada 6 pertanyaan singkat. Ketik /batal kapan saja untuk berhenti.
feedback-intro-again = Kamu sudah pernah mengisi masukan ini. Jawaban barumu akan menggantikan yang lama.
feedback-q-rating = 1️⃣ Secara keseluruhan, berapa nilaimu? (1 = sangat kurang, 5 = sangat baik)
feedback-q-most-useful = 2️⃣ Apa yang paling berguna buatmu?
feedback-q-most-useful-other = Tulis singkat apa yang paling berguna buatmu (maksimal { $max } karakter).
feedback-q-suggestion = 3️⃣ Apa saranmu supaya lebih baik? Tulis dengan bebas (maksimal { $max } karakter), atau tekan "Lewati".
feedback-q-status-before = 4️⃣ Sebelum ikut Prakerja, apa kesibukanmu?
feedback-q-outcome = 5️⃣ Setelah ikut Prakerja, bagaimana keadaanmu sekarang?
feedback-q-outcome-field = Di bidang apa? Misalnya kuliner, administrasi, jahit, atau pemasaran digital (maksimal { $max } karakter). Boleh juga tekan "Lewati".
feedback-q-story = 6️⃣ Punya cerita sukses setelah Prakerja? Ceritakan di sini (maksimal { $max } karakter), atau tekan "Lewati".
feedback-q-story-consent = Terima kasih sudah berbagi! Bolehkah ceritamu kami tampilkan untuk alumni lain di /cerita?
feedback-your-answer = ➡️ { $answer }
feedback-skip-button = Lewati ⏭
feedback-skipped = (dilewati)

feedback-rating-1 = ⭐ 1
feedback-rating-2 = ⭐ 2
feedback-rating-3 = ⭐ 3
feedback-rating-4 = ⭐ 4
feedback-rating-5 = ⭐ 5

feedback-useful-materi = 📚 Materi atau workshop
feedback-useful-jejaring = 🤝 Bertemu sesama alumni
feedback-useful-cerita_sukses = 🌟 Cerita sukses alumni
feedback-useful-info_program = ℹ️ Informasi program
feedback-useful-info_peluang = 💼 Info peluang kerja dan usaha
feedback-useful-lainnya = ✏️ Lainnya

feedback-before-menganggur = Belum bekerja / mencari kerja
feedback-before-bekerja = Bekerja
feedback-before-usaha = Punya usaha
feedback-before-pelajar = Pelajar / baru lulus
feedback-before-lainnya = Lainnya

feedback-outcome-bekerja = 💼 Bekerja
feedback-outcome-usaha = 🏪 Membuka usaha
feedback-outcome-keduanya = 💼🏪 Bekerja dan punya usaha
feedback-outcome-belum = ⏳ Belum bekerja atau berusaha
feedback-outcome-lainnya = ✏️ Lainnya

feedback-consent-named = ✅ Boleh, dengan nama depanku
feedback-consent-anonymous = 🕶 Boleh, tanpa nama (anonim)
feedback-consent-none = 🔒 Jangan dipublikasikan

## Jawaban yang tidak sesuai
feedback-use-buttons = Silakan pilih salah satu tombol di atas, ya. 👆
feedback-send-text = Tolong kirim jawabanmu dalam bentuk teks, ya.
feedback-text-empty = Jawabannya masih kosong. Tulis jawabanmu, atau tekan "Lewati".
feedback-text-too-long = Maaf, tulisanmu { $length } karakter, sedangkan batasnya { $max } karakter. Tolong persingkat lalu kirim lagi, ya. 🙏
feedback-old-button = Tombol ini sudah tidak berlaku.

## Selesai
feedback-thanks =
    🙏 <b>Terima kasih!</b> Masukanmu untuk <b>{ $title }</b> sudah tersimpan.
    Kalau ingin mengubah jawaban, isi lagi lewat /masukan — jawaban terakhir yang dipakai.
feedback-thanks-story-pending = Ceritamu akan ditinjau admin dulu sebelum tampil di /cerita.
feedback-thanks-story-private = Ceritamu hanya dibaca panitia dan tidak akan dipublikasikan.
feedback-thanks-story-kept = Ceritamu yang sudah ditinjau tetap seperti sebelumnya.

## Cerita sukses (/cerita)
feedback-stories-empty = Belum ada cerita sukses yang dipublikasikan. Punya cerita? Bagikan lewat /masukan. 🌱
feedback-story-view =
    🌟 <b>Cerita sukses alumni</b> ({ $index }/{ $total })

    { $story }

    — <b>{ $author }</b>
feedback-story-event = 📍 { $title }
feedback-story-anonymous-author = Alumni Prakerja dari { $province }
feedback-story-anonymous-author-plain = Alumni Prakerja
feedback-story-prev = ◀️ Sebelumnya
feedback-story-next = Berikutnya ▶️

## Admin: tinjau cerita (/cerita_admin)
feedback-review-empty = Tidak ada cerita yang menunggu tinjauan. 👍
feedback-review-view =
    📝 <b>Cerita menunggu tinjauan</b> ({ $pending } tersisa)

    { $story }

    — <b>{ $author }</b> ({ $consent })
feedback-review-consent-named = minta tampil dengan nama depan
feedback-review-consent-anonymous = minta tampil anonim
feedback-review-approve = ✅ Setujui
feedback-review-reject = ❌ Tolak
feedback-review-approved = ✅ Disetujui — cerita ini sekarang tampil di /cerita.
feedback-review-rejected = ❌ Ditolak — cerita ini tidak akan ditampilkan.
feedback-review-already = Cerita ini sudah ditinjau atau diubah penulisnya.

## Admin: statistik (/statistik)
feedback-stats-choose = 📊 Statistik untuk apa?
feedback-stats-overall-button = 📊 Semua acara dan program
feedback-stats-event-button = #{ $id } { $title }
feedback-stats-not-found = Acara itu tidak ditemukan.
feedback-stats-title-event = 📊 <b>Statistik: { $title }</b>
feedback-stats-title-overall = 📊 <b>Statistik keseluruhan</b> ({ $events } acara, ditambah masukan untuk program)
feedback-stats-registrations =
    👥 Pendaftar: { $registrations } · terkonfirmasi { $confirmed } · daftar tunggu { $waitlisted } · batal { $cancelled }
    ✅ Hadir: { $checkedIn } ({ $rate } dari yang terkonfirmasi)
feedback-stats-answers = 📝 Jawaban survei: { $answers } dari { $respondents } orang
feedback-stats-rating = ⭐ Rata-rata nilai: { $average } / 5 — sebaran 1★ { $r1 } · 2★ { $r2 } · 3★ { $r3 } · 4★ { $r4 } · 5★ { $r5 }
feedback-stats-outcome = 📈 Dari { $base } responden yang dulu menganggur: { $works } kini bekerja, { $business } membuka usaha (yang menjawab "keduanya" dihitung di keduanya)
feedback-stats-outcome-none = 📈 Belum ada responden yang dulu menganggur, jadi persentase hasil belum bisa dihitung.
feedback-stats-themes = 💡 Tema saran terbanyak: { $themes }
feedback-stats-themes-none = 💡 Belum ada saran tertulis.
feedback-stats-faq = 👎 Jawaban FAQ yang dinilai tidak membantu: { $votes } suara pada { $answers } jawaban (seluruh bot)
feedback-stats-not-available = –
feedback-stats-chart-caption = Grafik: { $title }
feedback-stats-csv-button = 📄 Unduh CSV masukan
feedback-stats-csv-caption = Masukan: { $title } ({ $rows } jawaban). UTF-8, bisa dibuka di Excel.
feedback-stats-chart-failed = Grafik belum bisa dibuat saat ini; angka di atas tetap berlaku.

## Teks dalam gambar grafik
feedback-chart-title-event = Statistik Temu Alumni: { $title }
feedback-chart-title-overall = Statistik keseluruhan ({ $events } acara)
feedback-chart-summary-1 = Pendaftar { $registrations }   ·   Terkonfirmasi { $confirmed }   ·   Daftar tunggu { $waitlisted }   ·   Hadir { $checkedIn }{ $rate }
feedback-chart-summary-rate = { " " }({ $rate } dari terkonfirmasi)
feedback-chart-summary-2 = Responden { $respondents }   ·   Rata-rata rating { $average }
feedback-chart-rating-heading = Sebaran rating
feedback-chart-rating-subheading = { $answers } jawaban
feedback-chart-outcome-heading = Hasil setelah Prakerja
feedback-chart-outcome-subheading = di antara { $base } responden yang dulu menganggur
feedback-chart-outcome-works = Kini bekerja
feedback-chart-outcome-business = Membuka usaha
feedback-chart-no-data = Belum ada data
