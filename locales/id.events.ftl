# Temu Alumni: daftar acara, RSVP, tiket, pengingat, check-in, dan alat admin.
# Teks yang dikirim dengan parse_mode HTML boleh memakai <b>, <i>, <code>; selain itu teks polos.

## Daftar dan detail acara
events-list-title = 🤝 <b>Temu Alumni Prakerja yang akan datang</b>
events-list-title-province = 🤝 <b>Temu Alumni Prakerja</b> — acara di provinsimu tampil paling atas.
events-list-empty = Belum ada Temu Alumni yang dijadwalkan. Nanti aku kabari lewat pengumuman kalau sudah ada, ya! 🙌
events-list-no-province-hint = 💡 Ketik /start untuk memilih provinsimu, supaya acara terdekat tampil paling atas.
events-not-available = Maaf, acara itu tidak ditemukan atau sudah tidak dibuka. Ketik /acara untuk melihat acara yang ada.
events-seats-left = Sisa { $count } kursi
events-seats-full = Kursi penuh — kamu masih bisa masuk daftar tunggu
events-seats-unlimited = Kursi tidak dibatasi
events-audience-alumni-note = Khusus alumni Prakerja
events-audience-alumni = Peserta: khusus alumni Prakerja
events-audience-everyone = Peserta: terbuka untuk alumni dan calon peserta
events-companions-allowed = Boleh membawa sampai { $max } pendamping
events-deadline = Pendaftaran ditutup { $when }
events-status-cancelled-note = Acara ini DIBATALKAN.
events-details-your-status = 📌 Pendaftaranmu: { $status }
events-venue-no-pin =
    📍 <b>{ $venue }</b>
    { $address }

    Titik peta untuk tempat ini belum tersedia.

## Tombol
events-btn-details = ℹ️ Detail { $n }
events-btn-details-plain = ℹ️ Lihat detail
events-btn-venue = 📍 Lokasi { $n }
events-btn-venue-pin = 📍 Lokasi di peta
events-btn-register = 📝 Daftar { $n }
events-btn-register-plain = 📝 Daftar
events-btn-register-update = ✏️ Ubah data pendaftaran
events-btn-share = 🔗 Bagikan acara ini
events-btn-back-to-list = ⬅️ Kembali ke daftar acara
events-btn-prev = ◀️
events-btn-next = ▶️
events-btn-skip = Lewati
events-btn-see-events = 🤝 Lihat Temu Alumni
events-btn-my-registrations = 📋 Pendaftaranku
events-btn-ticket = 🎫 Tampilkan tiket
events-btn-ticket-n = 🎫 Tiket { $n }
events-btn-change-n = ✏️ Ubah { $n }
events-btn-cancel-n = ❌ Batal { $n }
events-btn-cancel-yes = Ya, batalkan pendaftaranku
events-btn-cancel-no = Tidak jadi
events-btn-offer-accept = ✅ Ambil kursinya
events-btn-offer-decline = 🙅 Tidak jadi ikut
events-btn-offer-accept-n = ✅ Ambil kursi { $n }
events-btn-offer-decline-n = 🙅 Lepas { $n }
events-btn-consent-yes = ✅ Setuju
events-btn-consent-no = Tidak setuju

## Percakapan RSVP
events-rsvp-intro = 📝 Daftar ke <b>{ $title }</b>. Cuma beberapa pertanyaan singkat, kok. Kalau berubah pikiran, ketik /batal kapan saja.
events-rsvp-intro-update = ✏️ Kamu sudah terdaftar di <b>{ $title }</b>. Yuk perbarui datamu — jawaban lama ada di tombol, tinggal ketuk kalau masih sama.
events-rsvp-full-warning = Kursinya sedang penuh. Kalau kamu lanjut, kamu masuk daftar tunggu dan aku kabari begitu ada kursi kosong.
events-rsvp-problem-not_found = Maaf, acara itu tidak ditemukan. Ketik /acara untuk melihat acara yang ada.
events-rsvp-problem-not_open = Maaf, pendaftaran <b>{ $title }</b> sedang tidak dibuka.
events-rsvp-problem-deadline_passed = Maaf, pendaftaran <b>{ $title }</b> sudah ditutup. Sampai jumpa di acara berikutnya! 🙏
events-rsvp-ask-name = Siapa nama lengkapmu? Ketuk tombol di bawah kalau namanya sudah benar, atau ketik namamu.
events-rsvp-ask-city = Kamu tinggal di kabupaten/kota mana? (Acara ini di { $province }.) Kalau dari provinsi lain, tulis misalnya: Kota Bandung, Jawa Barat
events-rsvp-ask-gelombang = Kamu alumni Prakerja gelombang berapa? Ketik angkanya (1–100), atau ketuk tombol kalau belum pernah ikut.
events-rsvp-gelombang-placeholder = contoh: 12
events-rsvp-btn-not-participant = Belum pernah ikut Prakerja
events-rsvp-ask-training = Pelatihan apa yang kamu ikuti? Boleh dilewati.
events-rsvp-ask-phone = Mau meninggalkan nomor HP supaya panitia bisa menghubungimu? Ketuk tombol 📱 di bawah untuk membagikannya, atau Lewati. Demi keamanan, nomor hanya bisa dibagikan lewat tombol itu.
events-rsvp-btn-share-phone = 📱 Bagikan nomor HP-ku
events-rsvp-phone-use-button = Nomor HP hanya bisa dibagikan lewat tombol 📱 di bawah (supaya nomornya pasti milikmu). Kalau tidak mau, ketuk Lewati.
events-rsvp-phone-not-yours = Itu sepertinya kontak orang lain. Ketuk tombol 📱 untuk membagikan nomormu sendiri, atau Lewati.
events-rsvp-ask-companions = Berapa pendamping yang kamu ajak? (0 sampai { $max })
events-rsvp-ask-consent =
    Satu lagi: untuk mendaftarkanmu, aku perlu menyimpan jawabanmu tadi (nama, kabupaten/kota, gelombang, pelatihan, nomor HP kalau dibagikan) dan meneruskannya ke panitia acara ini. 🔒

    Data hanya dipakai untuk acara Temu Alumni, tidak dijual, dan bisa kamu lihat (/dataku) atau hapus (/hapusdata) kapan saja. Penjelasan lengkap: /privasi

    Setuju?
events-rsvp-consent-declined = Tidak apa-apa. Pendaftaranmu tidak disimpan dan tidak ada data yang tercatat. Kalau berubah pikiran, ketuk Daftar lagi kapan saja.
events-rsvp-alumni-only = Maaf, <b>{ $title }</b> khusus untuk alumni Prakerja. Pantau /acara untuk acara yang terbuka untuk umum, ya. 🙏
events-answer-with-text = Balas dengan mengetik jawabanmu atau mengetuk salah satu tombol, ya. Ketik /batal untuk berhenti.
events-rsvp-error-required = Jawabannya belum ada. Coba ketik lagi, ya.
events-rsvp-error-name_too_short = Namanya terlalu pendek. Tulis nama lengkapmu, ya.
events-rsvp-error-name_too_long = Namanya terlalu panjang (maksimal { $max } karakter). Coba disingkat sedikit.
events-rsvp-error-name_invalid = Sepertinya itu bukan nama. Tulis nama lengkapmu dengan huruf, ya.
events-rsvp-error-city_unknown = Aku belum menemukan "{ $value }" di daftar kabupaten/kota { $province }. Pilih dari tombol di bawah, periksa ejaannya, atau tulis beserta provinsinya (misalnya: Kota Bandung, Jawa Barat).
events-rsvp-error-gelombang_invalid = Gelombang ditulis dengan angka { $min } sampai { $max }, misalnya 12. Kalau belum pernah ikut Prakerja, ketuk tombol "Belum pernah ikut Prakerja".
events-rsvp-error-training_empty = Nama pelatihannya belum ada. Ketik namanya, atau ketuk Lewati.
events-rsvp-error-training_too_long = Nama pelatihannya terlalu panjang (maksimal { $max } karakter). Cukup judul singkatnya saja.
events-rsvp-error-companions_invalid = Pilih angka 0 sampai { $max } dari tombol di bawah, ya.
events-rsvp-error-consent_choice = Ketuk "Setuju" atau "Tidak setuju" di bawah, ya.
events-rsvp-confirmed = 🎉 Pendaftaranmu untuk <b>{ $title }</b> sudah terkonfirmasi! Sampai jumpa di sana.
events-rsvp-updated-confirmed = ✅ Data pendaftaranmu untuk <b>{ $title }</b> sudah diperbarui. Kursimu tetap aman.
events-rsvp-waitlisted = Kursi <b>{ $title }</b> sedang penuh, jadi kamu masuk <b>daftar tunggu nomor { $position }</b>. Begitu ada kursi kosong, aku langsung kabari — kamu punya 24 jam untuk mengambilnya.
events-rsvp-updated-waitlisted = ✅ Datamu sudah diperbarui. Kamu masih di daftar tunggu <b>{ $title }</b>, nomor { $position }.
events-rsvp-updated-offered = ✅ Datamu sudah diperbarui. Ada kursi yang sedang ditawarkan untukmu di <b>{ $title }</b> — buka /rsvpku untuk mengambilnya sebelum waktunya habis.
events-rsvp-fail-event_not_found = Maaf, acara itu sudah tidak ada.
events-rsvp-fail-event_not_open = Maaf, pendaftaran <b>{ $title }</b> sedang tidak dibuka. Jawabanmu tidak disimpan.
events-rsvp-fail-deadline_passed = Maaf, pendaftaran <b>{ $title }</b> baru saja ditutup. Jawabanmu tidak disimpan.
events-rsvp-fail-user_not_found = Maaf, ada kendala saat menyimpan. Ketik /start lalu coba daftar lagi, ya.
events-rsvp-fail-consent_missing = Maaf, persetujuanmu belum tercatat, jadi pendaftaran belum bisa disimpan. Coba daftar lagi, ya.
events-rsvp-fail-alumni_only = Maaf, <b>{ $title }</b> khusus untuk alumni Prakerja.
events-rsvp-fail-too_many_companions = Acara ini hanya mengizinkan { $max } pendamping. Coba daftar lagi dengan jumlah yang sesuai.
events-rsvp-fail-no_room_for_companions = Maaf, kursi yang tersisa tidak cukup untuk tambahan pendamping (sisa { $left }). Pendaftaranmu yang lama tetap berlaku tanpa perubahan.

## Tiket
events-ticket-title = 🎫 <b>Tiketmu</b>
events-ticket-qr-caption = Ini QR check-in pribadimu. Tunjukkan ke panitia saat datang. Kode cadangan: <code>{ $code }</code>
events-ticket-ics-caption = 📅 Simpan ke kalendermu supaya tidak lupa.
events-ticket-unavailable = Tiket hanya ada untuk pendaftaran yang sudah terkonfirmasi.

## Pendaftaranku (/rsvpku)
events-my-title = 📋 <b>Pendaftaranmu</b>
events-my-none = Kamu belum terdaftar di acara mana pun yang akan datang.
events-my-status-confirmed = Terkonfirmasi ({ $seats } kursi)
events-my-status-checked-in = Sudah hadir ✅
events-my-status-waitlisted = Daftar tunggu nomor { $position }
events-my-status-offered = Ada kursi untukmu! Ambil sebelum { $until }
events-my-status-event-cancelled = Acara dibatalkan
events-my-status-other = Tidak aktif
events-my-cancel-confirm = Yakin mau membatalkan pendaftaranmu di <b>{ $title }</b>? Kursimu akan diberikan ke orang berikutnya di daftar tunggu.
events-my-kept = Oke, pendaftaranmu di <b>{ $title }</b> tetap berlaku. 👍
events-my-cancelled = Pendaftaranmu di <b>{ $title }</b> sudah dibatalkan. Terima kasih sudah mengabari — kursimu bisa dipakai teman alumni lain. 🙏
events-my-cancel-failed-not_found = Pendaftaran itu sudah tidak ada.
events-my-cancel-failed-not_yours = Pendaftaran itu bukan milikmu.
events-my-cancel-failed-wrong_status = Pendaftaran di <b>{ $title }</b> sudah tidak aktif, jadi tidak perlu dibatalkan lagi.
events-my-cancel-failed-event_not_open = <b>{ $title }</b> sudah tidak berjalan, jadi pendaftarannya tidak bisa diubah lagi.
events-my-cancel-failed-offer_expired = Pendaftaran di <b>{ $title }</b> sudah tidak aktif.

## Tawaran kursi dari daftar tunggu
events-offer =
    🎉 <b>Kabar baik!</b> Ada kursi kosong di <b>{ $title }</b> ({ $when }).

    Kursi ini disimpan untukmu sampai <b>{ $until }</b>. Mau ambil?
events-offer-accepted = 🎉 Kursimu di <b>{ $title }</b> sudah terkonfirmasi!
events-offer-declined = Oke, kursinya kami berikan ke orang berikutnya. Terima kasih sudah mengabari! 🙏
events-offer-lapsed = Waktu untuk mengambil kursi di <b>{ $title }</b> sudah habis, jadi kursinya diberikan ke orang berikutnya. Semoga bisa ikut di acara selanjutnya! 🙏
events-offer-fail-not_found = Tawaran itu sudah tidak ada.
events-offer-fail-not_yours = Tawaran itu bukan untukmu.
events-offer-fail-wrong_status = Tawaran kursi di <b>{ $title }</b> sudah tidak berlaku.
events-offer-fail-event_not_open = <b>{ $title }</b> sudah tidak menerima pendaftaran.
events-offer-fail-offer_expired = Maaf, waktu untuk mengambil kursi di <b>{ $title }</b> sudah habis dan kursinya sudah diberikan ke orang berikutnya.

## Pemberitahuan
events-cancelled-notice = ⚠️ Mohon maaf, <b>{ $title }</b> ({ $when }) <b>dibatalkan</b> oleh panitia. Pendaftaranmu otomatis gugur. Pantau /acara untuk jadwal berikutnya, ya. 🙏
events-changed-notice =
    📢 Ada perubahan untuk <b>{ $title }</b>:
    📅 { $when }
    📍 { $place }
    🏠 { $address }
events-reminder-day =
    ⏰ <b>Pengingat:</b> besok kita ketemu di <b>{ $title }</b>!
    📅 { $when }
    📍 { $place }
    🏠 { $address }

    Jangan lupa bawa QR check-in (ketuk tombol tiket di bawah). Kalau berhalangan, batalkan lewat /rsvpku supaya kursimu bisa dipakai orang lain.
events-reminder-hours =
    ⏰ <b>2 jam lagi</b>, <b>{ $title }</b> dimulai!
    📅 { $when }
    📍 { $place }
    🏠 { $address }

    Siapkan QR check-in-mu, ya. Sampai jumpa! 👋

## Check-in
events-checkin-ok = ✅ Check-in berhasil: <b>{ $name }</b> — { $title } ({ $seats } kursi).
events-checkin-already = ℹ️ <b>{ $name }</b> sudah check-in di { $title } pada { $when }.
events-checkin-not-found = ❌ Kode check-in tidak dikenal. Periksa lagi kodenya, atau minta peserta membuka tiketnya di /rsvpku.
events-checkin-not-confirmed = ⚠️ Pendaftaran ini belum terkonfirmasi (masih daftar tunggu atau sudah batal) untuk { $title }, jadi belum bisa check-in.
events-checkin-event-closed = ⚠️ { $title } tidak sedang berjalan (dibatalkan atau belum terbit), jadi check-in tidak dicatat.
events-checkin-welcome = 👋 Selamat datang di <b>{ $title }</b>, { $name }! Kehadiranmu sudah tercatat. Selamat menikmati acaranya!
events-checkin-own-code = Ini kode check-in milikmu untuk <b>{ $title }</b>. Tunjukkan QR-nya ke panitia di lokasi, ya. 😊
events-checkin-staff-only = Kode ini hanya bisa dipindai oleh panitia acara.
events-checkin-usage = Cara pakai: <code>/checkin KODE</code> — kode ada di bawah QR tiket peserta (atau tempel tautan check-in-nya).

## Alat admin: membuat dan mengubah acara
events-admin-create-intro = 🛠️ Membuat Temu Alumni baru. Aku tanya satu per satu, dan setiap jawaban langsung kuperiksa. Ketik /batal kapan saja untuk berhenti.
events-admin-ask-title = Apa judul acaranya? (misalnya: Temu Alumni Prakerja Jambi 2027)
events-admin-ask-province = Di provinsi mana? (boleh singkatan seperti "jatim" atau "kalsel")
events-admin-ask-province-own = Di provinsi mana? Kamu penyelenggara untuk { $provinces }, jadi pilih salah satunya lewat tombol di bawah.
events-admin-ask-city = Kabupaten/kota mana di { $province }?
events-admin-ask-venue = Apa nama tempatnya? (misalnya: Aula Dinas Tenaga Kerja)
events-admin-ask-address = Alamat lengkapnya?
events-admin-ask-location = Kirim titik lokasinya: lampirkan Lokasi dari menu 📎 (geser peta ke tempat acara), atau tempel koordinat seperti -1.6101, 103.6131. Ketuk Lewati kalau belum ada.
events-admin-location-nudge = Kirim Lokasi dari menu 📎, tempel koordinat "lintang, bujur", atau ketuk Lewati.
events-admin-ask-start = Kapan mulainya? Tulis tanggal dan jam setempat ({ $zone }), misalnya: 10-03-2027 09.00
events-admin-ask-end = Selesai jam berapa? Tulis jamnya saja kalau di hari yang sama (misalnya 15.00), atau tanggal dan jam lengkap ({ $zone }). Acara mulai { $start }.
events-admin-ask-capacity = Berapa kapasitas kursinya? Ketik 0 kalau tidak dibatasi.
events-admin-ask-deadline = Kapan pendaftaran ditutup? Tulis tanggal dan jam ({ $zone }), atau Lewati supaya pendaftaran dibuka sampai acara mulai ({ $start }).
events-admin-ask-audience = Acara ini untuk siapa?
events-admin-btn-audience-everyone = Semua orang
events-admin-btn-audience-alumni = Khusus alumni
events-admin-ask-companions = Boleh membawa pendamping? Pilih jumlah maksimalnya (0 sampai { $max }).
events-admin-ask-description = Tulis deskripsi atau agenda acaranya (boleh beberapa baris), atau Lewati.
events-admin-preview-title = 👀 Ini pratinjaunya:
events-admin-link-after-publish = (tautan dibuat setelah disimpan)
events-admin-preview-nudge = Pilih salah satu tombol di bawah pratinjau: Terbitkan, Simpan sebagai draf, atau Buang.
events-admin-btn-publish = 📣 Terbitkan
events-admin-btn-save-draft = 📝 Simpan sebagai draf
events-admin-btn-discard = 🗑️ Buang
events-admin-discarded = Oke, acara tidak disimpan.
events-admin-published =
    📣 <b>{ $title }</b> (#{ $id }) sudah terbit dan bisa didaftari.
    Bagikan tautannya: { $link }
events-admin-drafted = 📝 <b>{ $title }</b> (#{ $id }) disimpan sebagai draf. Terbitkan lewat /acara_admin kalau sudah siap.
events-admin-not-saved = ⚠️ Perubahan belum disimpan:
events-admin-not-editable = Acara ini sudah dibatalkan atau selesai, jadi tidak bisa diubah.
events-admin-btn-manage = ⚙️ Kelola acara ini
events-admin-edit-which = Bagian mana dari <b>{ $title }</b> yang mau diubah?
events-admin-field-title = Judul
events-admin-field-description = Deskripsi/agenda
events-admin-field-place = Tempat
events-admin-field-location = Titik peta
events-admin-field-time = Waktu
events-admin-field-capacity = Kapasitas
events-admin-field-deadline = Batas daftar
events-admin-field-audience = Peserta
events-admin-field-companions = Pendamping
events-admin-edit-saved = ✅ <b>{ $title }</b> sudah diperbarui. { $told } pendaftar diberi tahu tentang perubahannya; { $offers } orang di daftar tunggu mendapat tawaran kursi.
events-admin-edit-nothing = Tidak ada yang berubah pada <b>{ $title }</b>.
events-admin-edit-more = Ada lagi yang mau diubah?

## Alat admin: daftar dan kelola
events-admin-list-title = 🛠️ <b>Kelola Temu Alumni</b>
events-admin-list-empty = Belum ada acara. Buat dengan /buatacara atau impor CSV dengan /impor_acara.
events-admin-list-item =
    <b>#{ $id } { $title }</b> — { $status }
    📅 { $when }
    👥 { $confirmed } terkonfirmasi · kursi { $taken }/{ $capacity } · { $waitlisted } menunggu
events-admin-btn-open = ⚙️ Kelola #{ $id }
events-admin-manage-title = ⚙️ <b>Acara #{ $id }</b> — { $status }
events-admin-manage-counts = 👥 Terkonfirmasi: { $confirmed } · Ditawari: { $offered } · Daftar tunggu: { $waitlisted } · Batal/kedaluwarsa: { $cancelled } · Sudah hadir: { $checkedIn }
events-admin-btn-edit = ✏️ Ubah
events-admin-btn-cancel-event = ❌ Batalkan acara
events-admin-btn-complete = 🏁 Tandai selesai
events-admin-btn-export = 📥 Ekspor CSV
events-admin-btn-back = ⬅️ Semua acara
events-admin-cancel-confirm = Yakin membatalkan <b>{ $title }</b>? Semua pendaftar dan daftar tunggu akan langsung diberi tahu. Ini tidak bisa diurungkan.
events-admin-btn-cancel-yes = Ya, batalkan acara
events-admin-btn-cancel-no = Jangan
events-admin-cancel-kept = Oke, <b>{ $title }</b> tetap berjalan.
events-admin-cancelled = ❌ <b>{ $title }</b> dibatalkan. Pemberitahuan terkirim ke { $told } dari { $total } pendaftar.
events-admin-completed = 🏁 <b>{ $title }</b> ditandai selesai.
events-admin-wrong-status = Tidak bisa: status acara ini sekarang { $status }.
events-status-draft = draf
events-status-published = terbit
events-status-cancelled = dibatalkan
events-status-completed = selesai

## Alat admin: impor dan ekspor
events-import-howto =
    📥 <b>Impor acara dari CSV</b>
    Kirim berkas .csv sebagai dokumen dengan keterangan (caption) <code>/impor_acara</code>.

    Kolom wajib: <code>judul,provinsi,kota,tempat,alamat,mulai,selesai,kapasitas,deskripsi</code>
    Kolom tambahan: <code>batas_rsvp,lat,lon,audiens,pendamping</code>
    Waktu ditulis ISO 8601 dengan zona, misalnya <code>2027-03-10T09:00:00+07:00</code> (WIB +07:00, WITA +08:00, WIT +09:00). Kapasitas 0 berarti tanpa batas.

    Semua baris diperiksa dulu: kalau ada satu saja yang salah, tidak ada yang diimpor, dan aku sebutkan baris mana yang perlu diperbaiki.
events-import-ok = ✅ { $count } acara berhasil diimpor dan sudah terbit. Lihat di /acara_admin.
events-import-failed = ⚠️ Tidak ada acara yang diimpor — ada { $count } hal yang perlu diperbaiki dulu:
events-import-more-errors = …dan { $count } masalah lainnya. Perbaiki yang di atas dulu, lalu kirim ulang.
events-import-error-cell = Baris { $line }, kolom { $column }: { $problem }
events-import-error-line = Baris { $line }: { $problem }
events-import-error-file = Berkas: { $problem }
events-import-too-big = Berkasnya terlalu besar (maksimal 1 MB). Pecah menjadi beberapa berkas, ya.
events-import-not-csv = Kirim berkas berformat .csv, ya (di Excel: Simpan Sebagai → CSV UTF-8).
events-import-download-failed = Maaf, berkasnya gagal diunduh dari Telegram. Coba kirim ulang sebentar lagi.
events-export-pick = Ekspor data acara yang mana?
events-export-which = Ekspor apa untuk <b>{ $title }</b>?
events-export-btn-registrations = 👥 Pendaftar
events-export-btn-feedback = 💬 Masukan
events-export-registrations-caption = Pendaftar { $title } ({ $rows } baris). Bisa langsung dibuka di Excel.
events-export-feedback-caption = Masukan peserta { $title }.

## Masalah isian acara (dipakai impor CSV dan /buatacara)
events-issue-required = wajib diisi
events-issue-too_short = terlalu pendek (minimal { $min } karakter)
events-issue-too_long = terlalu panjang (maksimal { $max } karakter)
events-issue-province_unknown = provinsi "{ $value }" tidak dikenali — periksa lagi ejaannya
events-issue-province_outside_scope = Maaf, kamu hanya bisa mengadakan acara di wilayahmu sebagai penyelenggara ({ $provinces }), dan { $value } di luar wilayah itu. Pilih salah satu provinsimu lewat tombol di bawah, ya.
events-issue-city_unknown = "{ $value }" bukan kabupaten/kota di { $province } — periksa lagi ejaannya
events-issue-datetime_invalid = waktu "{ $value }" tidak bisa dibaca; gunakan format seperti 2027-03-10T09:00:00+07:00
events-issue-datetime_no_offset = waktu "{ $value }" belum ada zonanya; tambahkan +07:00 (WIB), +08:00 (WITA) atau +09:00 (WIT)
events-issue-datetime_local_invalid = waktu "{ $value }" tidak bisa dibaca; tulis seperti 10-03-2027 09.00
events-issue-date_not_exist = tanggal "{ $value }" tidak ada di kalender
events-issue-capacity_invalid = kapasitas "{ $value }" harus bilangan bulat 0 atau lebih (0 = tanpa batas)
events-issue-capacity_too_large = kapasitas terlalu besar (maksimal { $max })
events-issue-number_invalid = "{ $value }" bukan angka desimal yang benar
events-issue-latitude_range = lintang "{ $value }" harus di antara -90 dan 90 (mungkin lintang dan bujur tertukar?)
events-issue-longitude_range = bujur "{ $value }" harus di antara -180 dan 180
events-issue-coordinates_invalid = koordinat "{ $value }" tidak bisa dibaca; tulis "lintang, bujur", misalnya -1.6101, 103.6131
events-issue-coordinates_pair = lat dan lon harus diisi keduanya, atau dikosongkan keduanya
events-issue-coordinates_outside_indonesia = koordinat itu di luar Indonesia (mungkin lintang dan bujur tertukar?)
events-issue-audience_invalid = audiens "{ $value }" tidak dikenal; isi "alumni" atau "semua"
events-issue-companions_invalid = jumlah pendamping harus 0 sampai { $max }
events-issue-start_in_past = waktu mulai sudah lewat; isi waktu yang akan datang
events-issue-end_before_start = waktu selesai harus setelah waktu mulai
events-issue-event_too_long = acara lebih dari { $days } hari — periksa lagi tanggal selesainya
events-issue-deadline_after_start = batas pendaftaran harus sebelum acara dimulai
events-issue-deadline_in_past = batas pendaftaran sudah lewat
events-issue-capacity_below_taken = kapasitas tidak boleh kurang dari { $taken } kursi yang sudah terisi
events-issue-file_empty = berkasnya kosong
events-issue-no_rows = berkas hanya berisi judul kolom, belum ada baris acara
events-issue-csv_malformed = format CSV rusak di sekitar baris { $line } (periksa tanda kutip)
events-issue-missing_column = kolom "{ $column }" tidak ada
events-issue-unknown_column = kolom "{ $column }" tidak dikenal (maksudnya "{ $suggestion }"?)
events-issue-duplicate_column = kolom "{ $column }" muncul dua kali
events-issue-too_many_rows = terlalu banyak baris ({ $count }); maksimal { $max } acara sekali impor
events-issue-column_count = jumlah kolom { $got }, seharusnya { $expected } (periksa koma atau tanda kutip)
events-issue-duplicate_row = sama dengan baris { $other } (judul, provinsi, dan waktu mulai sama)
events-issue-already_exists = acara "{ $title }" dengan waktu mulai yang sama sudah ada
events-issue-province_not_allowed = provinsi "{ $value }" di luar wilayahmu sebagai penyelenggara

## Acara terdekat (lokasi)
events-nearest-btn = 📍 Kirim lokasi
events-nearest-prompt = 📍 Mau tahu acara yang paling dekat? Tekan <b>Kirim lokasi</b> di bawah.
events-nearest-title = 📍 Acara terdekat dari lokasimu (lokasimu tidak disimpan):
events-nearest-none = Belum ada acara mendatang yang lokasinya diketahui. Lihat semua acara dengan /acara.
events-nearest-distance = 🧭 Jarak: { $distance }
