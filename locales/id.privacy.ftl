# Privasi dan data pribadi (UU PDP No. 27/2022): /dataku, /hapusdata, /tarikpersetujuan; admin: /admin_tambah, /admin_hapus, /admin_daftar.

cmd-tarikpersetujuan = Cabut persetujuan penyimpanan data

## Menu privasi (tombol di bawah kebijakan)
privacy-button-data = 📄 Lihat dataku
privacy-button-erase = 🗑 Hapus dataku
privacy-button-withdraw = ✋ Cabut persetujuan

## /dataku
privacy-data-title = <b>Data tentangmu yang tersimpan</b> (per { $date })
privacy-data-none = Kami tidak menyimpan profil tentangmu. Yang ada hanya catatan teknis percakapan (langkah yang sedang berjalan dan pilihan bahasa).
privacy-data-profile =
    <b>Profil</b>: nama depan { $name }, peran { $role }, provinsi { $province }, bahasa { $language }.
    Persetujuan: { $consentAt } (versi kebijakan { $consentVersion }).
privacy-data-registrations =
    <b>Pendaftaran acara</b> ({ $count }):
    { $list }
privacy-data-registrations-none = <b>Pendaftaran acara</b>: tidak ada.
privacy-data-feedback = <b>Masukan dan cerita</b>: { $count }
privacy-data-deliveries = <b>Pengumuman yang dikirim kepadamu</b>: { $count }
privacy-data-sessions = <b>Catatan percakapan</b> (teknis): { $count }
privacy-data-admin-owner = <b>Peran admin</b>: pemilik (diatur di konfigurasi server).
privacy-data-admin = <b>Peran admin</b>: ya.
privacy-data-footer = Rincian lengkapnya ada di berkas JSON terlampir. Mau menghapus semuanya? /hapusdata
privacy-data-empty-value = -
privacy-data-explanation = Ini semua data tentangmu yang disimpan bot Temu Alumni Kartu Prakerja, dikelompokkan per tabel. Nama kolom sama dengan di basis data. Hapus semuanya dengan /hapusdata.

## /hapusdata dan /tarikpersetujuan
privacy-erase-ask =
    <b>Hapus semua datamu?</b>
    Yang dihapus seketika: profilmu, catatan persetujuan, pendaftaran acara (kursimu diberikan ke orang di daftar tunggu), riwayat pengumuman, dan catatan percakapan. Jawaban survei tetap dihitung dalam statistik tanpa nama dan tanpa teks ceritamu.
    Ini tidak bisa dibatalkan.
privacy-withdraw-ask =
    <b>Cabut persetujuanmu?</b>
    Kami berhenti memproses datamu dan menghapusnya seketika: profilmu, pendaftaran acara (kursimu diberikan ke orang di daftar tunggu), riwayat pengumuman, dan catatan percakapan. Jawaban survei tetap dihitung dalam statistik tanpa nama dan tanpa teks ceritamu.
    Kamu tetap bisa membaca info Prakerja dan bertanya tanpa menyimpan data.
privacy-erase-yes = 🗑 Ya, hapus semua
privacy-withdraw-yes = ✋ Ya, cabut persetujuan
privacy-erase-no = Batal
privacy-erase-kept = Oke, datamu tidak diubah.
privacy-erase-done =
    ✅ Semua datamu sudah dihapus. Yang tersisa hanya hitungan tanpa nama bahwa sebuah penghapusan terjadi.
    Kalau ingin memakai bot lagi, ketik /start.
privacy-withdraw-done =
    ✅ Persetujuanmu sudah dicabut dan datamu sudah dihapus. Kami tidak lagi memproses data pribadimu.
    Kalau nanti berubah pikiran, ketik /start.
privacy-erase-owner-note = Catatan: kamu tercantum sebagai pemilik bot di konfigurasi server (ADMIN_IDS), jadi hak pemilikmu tetap ada sampai konfigurasinya diubah.
privacy-erase-failed = Maaf, penghapusan belum selesai karena kendala di sistem kami. Ketik /hapusdata lagi sebentar lagi, ya. 🙏

## Pengelolaan admin (hanya pemilik di ADMIN_IDS)
admins-owner-only = Hanya pemilik bot (ADMIN_IDS) yang bisa mengelola admin.
admins-usage-add = Cara pakai: <code>/admin_tambah 123456789</code> (ID Telegram berupa angka).
admins-usage-remove = Cara pakai: <code>/admin_hapus 123456789</code> (ID Telegram berupa angka).
admins-added = ✅ { $id } sekarang admin.
admins-already = { $id } sudah admin.
admins-is-owner = { $id } adalah pemilik (ADMIN_IDS); pemilik diatur di konfigurasi server.
admins-removed = ✅ { $id } bukan admin lagi.
admins-not-admin = { $id } bukan admin.
admins-list-title = <b>Admin bot</b>
admins-list-owner = { $id } — pemilik (ADMIN_IDS)
admins-list-admin = { $id } — admin
