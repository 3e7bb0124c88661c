# Siaran (pengumuman ke banyak orang) dan langganan pengumuman.
# Teks yang dikirim dengan parse_mode HTML boleh memakai <b>, <i>, <code>; selain itu teks polos.

## Langganan pengumuman: /berhenti dan /langganan
broadcast-optout-done =
    Baik, kamu tidak akan menerima pengumuman lagi. 🔕
    Pengingat acara yang kamu daftari tetap dikirim. Kalau berubah pikiran, ketik /langganan.
broadcast-optout-already = Kamu memang sudah tidak menerima pengumuman. Ketik /langganan untuk menerimanya lagi.
broadcast-optout-no-data = Kamu belum terdaftar menerima pengumuman, jadi tidak ada yang perlu dihentikan. 🙂
broadcast-optin-done = Sip, kamu akan menerima pengumuman Temu Alumni lagi. 🔔 Ketik /berhenti kapan saja untuk menghentikannya.
broadcast-optin-already = Kamu sudah menerima pengumuman. Ketik /berhenti kalau ingin menghentikannya.
broadcast-optin-no-data = Untuk menerima pengumuman, ketik /start dan setujui penyimpanan data dulu, ya.

## Bagian akhir setiap pesan siaran
broadcast-footer = Tidak ingin menerima pengumuman lagi? Ketik /berhenti
broadcast-button-register = 📝 Daftar acara ini

## /siaran — menyusun siaran
broadcast-compose-intro =
    📣 <b>Siaran baru</b>
    Kirim isi pengumumannya sekarang: teks (boleh pakai <b>tebal</b>, <i>miring</i>, dan tautan), atau satu foto atau dokumen dengan keterangan.
    Di akhir setiap pesan aku tambahkan cara berhenti berlangganan. Ketik /batal kapan saja untuk berhenti.
broadcast-compose-nudge = Kirim isi pengumumannya berupa teks, foto, atau dokumen, ya. Ketik /batal untuk berhenti.
broadcast-compose-too-long = Pesannya terlalu panjang: { $length } karakter, paling banyak { $max } (termasuk baris berhenti berlangganan). Persingkat lalu kirim lagi.
broadcast-compose-empty = Pesannya kosong. Kirim teks, atau foto/dokumen dengan keterangan.
broadcast-button-ask = Tambahkan tombol pendaftaran acara di bawah pesan?
broadcast-button-none = Tanpa tombol
broadcast-button-event = #{ $id } { $title }
broadcast-audience-ask = Siapa penerimanya?
broadcast-audience-all = 👥 Semua pengguna
broadcast-audience-alumni = 🎓 Alumni
broadcast-audience-calon = 🙋 Calon peserta
broadcast-audience-provinces = 📍 Per provinsi
broadcast-audience-event = 🤝 Peserta acara
broadcast-audience-not-allowed = Maaf, siaran ini tidak dikirim: penerima itu di luar wilayahmu sebagai penyelenggara. Ketik /siaran untuk mulai lagi.
broadcast-provinces-ask = Pilih satu atau beberapa provinsi, lalu tekan "Selesai". Terpilih: { $count }
broadcast-provinces-done = ✅ Selesai ({ $count })
broadcast-provinces-none = Pilih minimal satu provinsi dulu.
broadcast-event-ask = Peserta acara yang mana?
broadcast-event-none = Belum ada acara yang bisa dipilih. Pilih penerima yang lain.
broadcast-segment-ask = Peserta <b>{ $title }</b> yang mana?
broadcast-segment-confirmed = Terdaftar (terkonfirmasi)
broadcast-segment-waitlisted = Daftar tunggu
broadcast-segment-attended = Hadir
broadcast-segment-no_feedback = Belum mengisi masukan
broadcast-audience-desc-all = semua pengguna
broadcast-audience-desc-alumni = alumni
broadcast-audience-desc-calon = calon peserta
broadcast-audience-desc-provinces = provinsi { $names }
broadcast-audience-desc-event = peserta { $title } — { $segment }
broadcast-count = Penerima: <b>{ $count }</b> orang ({ $audience }). Yang memblokir bot, berhenti berlangganan, atau belum memberi persetujuan tidak dihitung.
broadcast-count-zero = Tidak ada penerima untuk pilihan itu ({ $audience }). Pilih penerima yang lain.
broadcast-preview-intro = 👇 Pratinjau — persis seperti yang akan diterima:
broadcast-confirm-ask = Kirim pesan di atas ke <b>{ $count }</b> orang?
broadcast-btn-send-now = 🚀 Kirim sekarang
broadcast-btn-schedule = 🕒 Jadwalkan
broadcast-btn-change-audience = 👥 Ganti penerima
broadcast-btn-discard = 🗑️ Buang
broadcast-use-buttons = Pilih dengan tombol di atas, ya. Ketik /batal untuk berhenti.
broadcast-schedule-ask =
    Kapan dikirim? Ketik tanggal dan jam, misalnya <code>25-12-2026 09:00</code>.
    Zona waktu WIB, kecuali kamu tambahkan WITA atau WIT (misalnya <code>25-12-2026 09:00 WITA</code>).
broadcast-schedule-invalid = Format waktunya belum kukenali. Contoh: <code>25-12-2026 09:00</code> atau <code>25-12-2026 09:00 WITA</code>.
broadcast-schedule-past = Waktu itu sudah lewat (atau kurang dari semenit lagi). Ketik waktu yang akan datang.
broadcast-schedule-too-far = Paling jauh 90 hari dari sekarang. Ketik waktu yang lebih dekat.
broadcast-schedule-confirm = Kirim ke <b>{ $count }</b> orang pada <b>{ $when }</b>?
broadcast-btn-confirm-schedule = ✅ Ya, jadwalkan
broadcast-discarded = Siaran dibuang. Tidak ada yang dikirim.

## Perkembangan (pesan yang diperbarui setiap beberapa detik)
broadcast-progress-title-running = 📣 <b>Siaran #{ $id }</b> — sedang dikirim
broadcast-progress-title-paused = ⏸️ <b>Siaran #{ $id }</b> — dijeda
broadcast-progress-title-scheduled = 🕒 <b>Siaran #{ $id }</b> — dijadwalkan { $when }
broadcast-progress-title-done = ✅ <b>Siaran #{ $id }</b> — selesai
broadcast-progress-title-cancelled = ✖️ <b>Siaran #{ $id }</b> — dibatalkan
broadcast-progress-title-draft = 📝 <b>Siaran #{ $id }</b> — disiapkan
broadcast-progress-body =
    Penerima: { $audience } · { $total } orang
    ✅ Terkirim: { $sent }
    ⏳ Sisa: { $remaining }
    🚫 Memblokir bot / akun nonaktif: { $blocked }
    ⚠️ Gagal: { $failed }
    🔕 Dilewati (berhenti berlangganan): { $skipped }
broadcast-progress-rate = ⚡ Kecepatan: { NUMBER($rate, maximumFractionDigits: 1) } pesan/detik · perkiraan selesai { $eta } lagi
broadcast-progress-rate-unknown = ⚡ Kecepatan: sedang diukur…
broadcast-btn-pause = ⏸️ Jeda
broadcast-btn-resume = ▶️ Lanjutkan
broadcast-btn-cancel = ✖️ Batalkan
broadcast-btn-cancel-yes = Ya, batalkan siaran
broadcast-btn-cancel-no = Jangan
broadcast-cancel-confirm = Batalkan siaran #{ $id }? Pesan yang sudah terkirim tidak bisa ditarik; sisanya tidak akan dikirim.
broadcast-paused = ⏸️ Siaran #{ $id } dijeda. Lanjutkan dengan tombol atau /siaran_lanjut { $id }.
broadcast-resumed = ▶️ Siaran #{ $id } dilanjutkan.
broadcast-cancelled = ✖️ Siaran #{ $id } dibatalkan. Laporan akhirnya menyusul.
broadcast-not-active = Siaran #{ $id } sudah tidak bisa diubah (status: { $status }).
broadcast-not-found = Siaran itu tidak ditemukan.
broadcast-pick = Siaran yang mana?
broadcast-none-active = Tidak ada siaran yang sedang berjalan, dijeda, atau dijadwalkan.
broadcast-status-title = 📣 <b>Siaran aktif</b>
broadcast-status-item = #{ $id } — { $status } — { $sent }/{ $total } terkirim
broadcast-status-running = sedang dikirim
broadcast-status-paused = dijeda
broadcast-status-scheduled = dijadwalkan
broadcast-status-done = selesai
broadcast-status-cancelled = dibatalkan
broadcast-status-draft = disiapkan

## Laporan akhir
broadcast-report =
    { $cancelled ->
        [yes] ✖️ <b>Laporan siaran #{ $id }</b> — dibatalkan
       *[no] ✅ <b>Laporan siaran #{ $id }</b> — selesai
    }
    Penerima: { $audience }
    Durasi: { $duration }
    ✅ Terkirim: { $sent } dari { $total }
    🚫 Memblokir bot / akun nonaktif: { $blocked }
    ⚠️ Gagal: { $failed }
    🔕 Dilewati (berhenti berlangganan): { $skipped }
    ⏹️ Tidak dikirim karena dibatalkan: { $unsent }
    ⚡ Rata-rata: { NUMBER($rate, maximumFractionDigits: 1) } pesan/detik
broadcast-report-csv-caption = Daftar { $rows } penerima yang tidak menerima siaran #{ $id } (CSV).
broadcast-csv-telegram-id = id_telegram
broadcast-csv-status = status
broadcast-csv-attempts = percobaan
broadcast-csv-error = galat
broadcast-csv-time = waktu
broadcast-duration-hours = { $h } jam { $m } menit
broadcast-duration-minutes = { $m } menit { $s } detik
broadcast-duration-seconds = { $s } detik
