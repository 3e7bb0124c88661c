# About Prakerja — a short guide (normal scheme, 2023 onward). One message per page, Telegram HTML.

about-prev = ◀️ Previous
about-next = Next ▶️
about-home = 🏠 Menu
about-position = <i>Page { $page } of { $total }</i>

about-page-what =
    <b>What is Kartu Prakerja?</b>

    Kartu Prakerja is a government programme for building skills: to get you ready for work, help you move up in your current job, or start your own business.

    It is run by the <b>Kartu Prakerja Programme Management Office</b> under the Coordinating Ministry for Economic Affairs — not by the Ministry of Manpower.

    Prakerja started on 11 April 2020. Since 2023 it has run under the <b>normal scheme</b>, and by 2023 it had 17.4 million recipients (18.9 million people had accessed the programme).

about-page-who =
    <b>Who can join?</b>

    • Indonesian citizens aged 18–64
    • Not currently in school or university (formal education)
    • Not a state official, member of DPR/DPRD, civil servant (ASN), TNI, Polri, village head or village official
    • Not a director, commissioner or supervisory board member of a state- or region-owned company (BUMN/BUMD)
    • At most 2 people in one family card (Kartu Keluarga) can be recipients
    • A person can be a recipient only once

    Recipients of PKH, BSU or BPUM may now join too.

    Want a quick check? Send /kelayakan.

about-page-benefits =
    <b>What do you get?</b> (normal scheme, since 2023)

    • Training budget of <b>Rp3,500,000</b>
    • Post-training incentive of <b>Rp600,000</b>, once
    • Survey incentive of Rp50,000 × 2
    Rp4,200,000 in total.

    The training balance can only buy training; it cannot be cashed out.

    <i>In 2020–2022 the rules were different (Rp1,000,000 balance, Rp600,000 × 4 incentive). If you hear those figures, they are the old rules.</i>

about-page-register =
    <b>How do you register?</b>

    Registration is <b>only</b> at <a href="https://www.prakerja.go.id">www.prakerja.go.id</a>. It is free, with no middlemen.

    1. Create an account with your email.
    2. Verify your KTP and KK: NIK, family card number and date of birth.
    3. Complete your details, upload a photo of your e-KTP and do the face check.
    4. Verify your phone number with an OTP code.
    5. Take the basic skills test (Tes Kemampuan Dasar).
    6. Choose <b>Gabung Gelombang</b> when a wave (gelombang) is open — watch for announcements on the official site.

    Selection is done by the system after the wave closes, so it is not first come, first served. Not accepted? Join the next wave; there is no need to register again.

about-page-accepted =
    <b>Accepted? Don't miss these 15 days</b>

    If you are named a recipient (many people call it "getting the SK"), the result appears on the dashboard and by SMS.

    From then on you have <b>15 days</b> to buy your first training.

    If you miss that deadline, your participation is revoked, the balance returns to the state treasury, and you <b>cannot join Prakerja again</b>.

    So as soon as the result is out, choose and buy your training. <i>(In 2020–2022 the deadline was 30 days.)</i>

about-page-training =
    <b>What kind of training?</b>

    • <b>Online</b>: webinars or self-paced learning (SPL)
    • <b>Offline</b>: in person at a training provider
    • <b>Hybrid</b>: a mix of both
    At least 15 hours in total.

    How to buy: choose a course on a partner digital platform, pay with your 16-digit Kartu Prakerja number and an OTP, then redeem the voucher code with the training provider. After you finish, the certificate appears on the dashboard within one working day.

about-page-incentive =
    <b>When is the incentive paid?</b>

    The Rp600,000 incentive is only for the first training, and is paid when:
    • the first training is completed (certificate issued),
    • you have given a rating and review,
    • a bank or e-wallet account is linked, under the same NIK and verified.

    It is paid 3–5 working days after its schedule appears on the dashboard. Check at <b>dashboard.prakerja.go.id</b> → Insentif / Riwayat Insentif.

    Payment partners 2023–2024: BNI, BCA, OVO, DANA, GoPay and LinkAja.

about-page-channels =
    <b>Official channels and scam warnings</b>

    • Website: <a href="https://www.prakerja.go.id">prakerja.go.id</a>
    • Help: <a href="https://bantuan.prakerja.go.id">bantuan.prakerja.go.id</a>
    • Email: info@prakerja.go.id
    • Instagram @prakerja.go.id, X @prakerjagoid
    • NIK mismatch? Contact Dukcapil at 1500-537

    ⚠️ The official site always ends in <b>go.id</b>. There is no official Prakerja app and no "registration help" service. Never give your OTP, NIK or password to anyone, including people claiming to be staff or Telegram accounts named "Prakerja".

    This bot is not an official channel either — for anything about your account, always use the channels above.
