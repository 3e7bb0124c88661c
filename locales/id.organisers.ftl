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

## Pengelolaan penyelenggara (pemilik saja)
organisers-usage-add = Cara pakai: <code>/penyelenggara_tambah 123456789 Jambi, Gorontalo</code> (ID Telegram berupa angka, lalu satu provinsi atau lebih: nama atau kode BPS, dipisah koma).
organisers-usage-remove = Cara pakai: <code>/penyelenggara_hapus 123456789</code> (ID Telegram berupa angka).
organisers-added = ✅ { $id } sekarang penyelenggara untuk: { $provinces }.
organisers-updated = ✅ Provinsi penyelenggara { $id } sekarang: { $provinces }.
organisers-removed = ✅ { $id } bukan penyelenggara lagi.
organisers-not-organiser = { $id } bukan penyelenggara.
organisers-list-organiser = { $id } — penyelenggara: { $provinces }

## Kanal dan grup pengumuman (my_chat_member)
organisers-chat-kind-channel = kanal
organisers-chat-kind-group = grup
organisers-chat-kind-supergroup = grup
organisers-chat-added = 📣 Bot sekarang admin di { $kind } <b>{ $title }</b>. Kartu acara bisa dikirim ke sana dengan /umumkan.
organisers-chat-removed = Bot tidak lagi admin di <b>{ $title }</b>; obrolan itu tidak dipakai lagi untuk pengumuman.

## /umumkan
organisers-announce-pick-event = <b>Umumkan acara</b> — pilih acara yang kartunya mau dikirim ke kanal atau grup:
organisers-announce-event-line = <b>{ $n }. { $title }</b>
    🗓 { $when } · { $city }
organisers-announce-btn-event = { $n }
organisers-announce-no-events = Belum ada acara terbit yang bisa diumumkan. Terbitkan acara dulu lewat /acara_admin.
organisers-announce-no-chats = Belum ada kanal atau grup untuk pengumuman. Jadikan @{ $bot } admin di kanal atau grup (dengan izin mengirim pesan), lalu coba /umumkan lagi.
organisers-announce-pick-chat = Kirim kartu <b>{ $title }</b> ke mana?
organisers-announce-posted = ✅ Kartu <b>{ $title }</b> sudah dikirim ke <b>{ $chat }</b>. Kartunya ikut berubah saat acara berubah, penuh, atau dibatalkan.
organisers-announce-posted-link = ✅ Kartu <b>{ $title }</b> sudah dikirim ke <b>{ $chat }</b>: { $link }
    Kartunya ikut berubah saat acara berubah, penuh, atau dibatalkan.
organisers-announce-failed = Kartu tidak bisa dikirim ke <b>{ $chat }</b>: pastikan bot masih admin di sana dan boleh mengirim pesan.
