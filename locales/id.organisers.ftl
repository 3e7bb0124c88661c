## Penyelenggara per provinsi, kartu pengumuman di kanal/grup dan hasil inline (isu 16)
## Kartu pengumuman memakai mode HTML Telegram; nilai sudah di-escape oleh kode.

organisers-card-title = 📣 <b>{ $title }</b>
organisers-card-when = 🗓 { $when }
organisers-card-place = 📍 { $place }
organisers-card-alumni-only = 🎓 Khusus alumni Kartu Prakerja
organisers-card-seats = 🪑 Sisa kursi: { $seats }
organisers-card-seats-unlimited = 🪑 Kursi tidak dibatasi
organisers-card-full = 🔴 Penuh — daftar tunggu dibuka
organisers-card-closed = ⏰ Pendaftaran sudah ditutup
organisers-card-completed = ✅ Acara sudah selesai. Terima kasih kepada semua yang hadir!
organisers-card-cancelled = ❌ <b>DIBATALKAN</b> — acara ini tidak jadi diadakan.
organisers-card-button = Daftar
organisers-inline-description = { $date } · { $city }

## Acara terdekat dari lokasi yang dibagikan
organisers-distance-km = { $km } km
organisers-distance-approximate = ± { $km } km (dari pusat { $city })

## Daftar provinsi penyelenggara (/penyelenggara_tambah)
organisers-provinces-empty = Tulis minimal satu provinsi, mis. <code>Jambi</code> atau kode BPS <code>15</code>.
organisers-province-unknown = Provinsi "{ $value }" tidak dikenali.
organisers-province-unknown-suggest = Provinsi "{ $value }" tidak dikenali. Mungkin maksudnya: { $suggestions }?
organisers-province-code-unknown = Kode provinsi "{ $value }" tidak ada dalam daftar resmi BPS.
organisers-add-is-owner = Pengguna { $id } adalah pemilik bot (ADMIN_IDS) dan sudah mengelola semua provinsi.
organisers-add-is-national = Pengguna { $id } adalah admin nasional; hapus dulu dengan /admin_hapus bila ingin membatasinya ke provinsi tertentu.
