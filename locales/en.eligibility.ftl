# Eligibility check (/kelayakan) — normal-scheme rules, 2023 onward. Answers are not stored.

eligibility-intro =
    Let's check whether you meet the Kartu Prakerja requirements ✅
    There are 6 short questions. Your answers are only used for this check and are not stored. Send /batal at any time to stop.
eligibility-q-citizen = <b>1/6</b> Are you an Indonesian citizen (WNI)?
eligibility-q-age =
    <b>2/6</b> How old are you?
    Type the number (e.g. <i>25</i>) or your date of birth (e.g. <i>17-08-1995</i>).
eligibility-q-student = <b>3/6</b> Are you currently in school or university (still enrolled in formal education)?
eligibility-q-occupation = <b>4/6</b> Are you currently one of the following? If not, choose <i>None of these</i>.
eligibility-q-recipient = <b>5/6</b> Have you ever been named a Kartu Prakerja recipient? This includes being named and later having your participation revoked (for example for not buying a training within 15 days).
eligibility-q-family = <b>6/6</b> Apart from you, how many people on your family card (Kartu Keluarga) are already Kartu Prakerja recipients?

eligibility-yes = Yes
eligibility-no = No
eligibility-recipient-yes = Yes, I have
eligibility-recipient-no = Never
eligibility-family-0 = Nobody
eligibility-family-1 = 1 person
eligibility-family-2 = 2 or more
eligibility-occupation-asn = Civil servant (ASN)
eligibility-occupation-tni = TNI member
eligibility-occupation-polri = Polri member
eligibility-occupation-pejabat_negara = State official
eligibility-occupation-dprd = DPR/DPRD member
eligibility-occupation-kepala_desa = Village head / village official
eligibility-occupation-perangkat_desa = Village official
eligibility-occupation-bumn_bumd = BUMN/BUMD director/commissioner/supervisor
eligibility-occupation-none = None of these

eligibility-your-answer = ➡️ <b>{ $answer }</b>
eligibility-use-buttons = Please choose your answer with the buttons below. Send /batal if you want to stop.
eligibility-old-button = This button belongs to another question. Answer the latest question, or send /kelayakan to start again.
eligibility-age-invalid = Sorry, I couldn't read an age from that 🙏 Type your age as a number (e.g. <i>25</i>) or your date of birth as day-month-year (e.g. <i>17-08-1995</i>).
eligibility-age-out-of-range = Hmm, that age doesn't look right. Type an age between 0 and 120, or your date of birth (e.g. <i>17-08-1995</i>).
eligibility-age-future = That date hasn't happened yet, so it can't be a date of birth 😊 Please check the year.
eligibility-age-from-date = So you are { $age } years old now.

eligibility-result-eligible =
    ✅ <b>You meet the basic Kartu Prakerja requirements.</b>

    Next step: create an account at <a href="https://www.prakerja.go.id">www.prakerja.go.id</a> (the only place to register), complete the verification and the basic skills test, then choose <b>Gabung Gelombang</b> when a wave is open. Watch for announcements on Prakerja's official site and social media.

    Have your <b>e-KTP</b> ready and make sure <b>your NIK is recorded at Dukcapil</b>: your NIK, family card number and date of birth are checked against Dukcapil's data when you register.

    <i>This is an estimate based on your answers. The final decision is made by the official Prakerja system (including an NIK check with Dukcapil), and not every eligible applicant is selected in every wave.</i>
eligibility-result-not-eligible =
    { $count ->
        [1] ❌ <b>Based on your answers, you do not meet the Kartu Prakerja requirements yet.</b> 1 requirement is not met:
       *[other] ❌ <b>Based on your answers, you do not meet the Kartu Prakerja requirements yet.</b> { $count } requirements are not met:
    }
eligibility-reason-wni = Kartu Prakerja participants must be Indonesian citizens (WNI).
eligibility-reason-age-min = The minimum age is { $min }, and you are { $age }. You can register once you turn { $min }.
eligibility-reason-age-max = The maximum age is { $max }, and you are { $age }.
eligibility-reason-education = Participants must not be in formal education. You can join once you graduate or are no longer enrolled.
eligibility-reason-occupation = Your position ({ $occupation }) is excluded from Kartu Prakerja.
eligibility-reason-previous-recipient = Kartu Prakerja can be received only once, and you have already been a recipient.
eligibility-reason-kk-quota = At most { $max } people on one family card can be recipients, and your family card has reached that limit.
eligibility-next-later = If things change later (for example you turn 18 or finish school), you can register at <a href="https://www.prakerja.go.id">www.prakerja.go.id</a> and join a wave that is open then. Got an answer wrong? Press <i>Check again</i>.
eligibility-next-not-eligible = Got an answer wrong? Press <i>Check again</i>. Official information about the requirements is at <a href="https://www.prakerja.go.id">www.prakerja.go.id</a>.
eligibility-button-official = 🌐 Open prakerja.go.id
eligibility-button-again = 🔁 Check again
