"""Messages of the office's own identity, letter numbers, agenda, reports and retention."""

ENTRIES: dict[str, tuple[str, str, str, str]] = {
    # --- the office profile (kantor: in sop-kit.yaml)
    "office.missing": (
        "profil kantor (kantor:) belum diisi: surat, SK, dosir dan situs hanya memuat nama dinas dari SOP, tanpa "
        "alamat dan lambang",
        "isi kantor: di sop-kit.yaml (pemerintah, dinas, alamat, kota, telepon, email, laman, lambang, "
        "penandatangan) lewat commit bertanda tangan admin_arsip; lihat README, bagian Profil kantor",
        "the office profile (kantor:) is not filled in: letters, SKs, dossiers and the site carry only the office "
        "name from the SOP, with no address or emblem",
        "fill in kantor: in sop-kit.yaml (pemerintah, dinas, alamat, kota, telepon, email, laman, lambang, "
        "penandatangan) in a commit signed by an admin_arsip; see the README, Office profile",
    ),
    "office.placeholder": (
        "profil kantor: {field} masih berisi teks contoh, bukan data kantor",
        "ganti dengan data kantor yang sebenarnya sebelum mencetak surat",
        "office profile: {field} still holds example text, not the office's data",
        "replace it with the office's real data before printing any letter",
    ),
    "office.no_emblem": (
        "profil kantor tidak menyebut lambang daerah: kop surat tanpa lambang",
        "taruh berkas PNG/JPEG lambang di samping sop-kit.yaml dan isi kantor.lambang (berkas, sha256)",
        "the office profile names no regional emblem: letterheads go without one",
        "put the emblem as a PNG/JPEG beside sop-kit.yaml and fill in kantor.lambang (berkas, sha256)",
    ),
    "office.emblem": (
        "lambang {path} tidak dicetak: {why}",
        "kembalikan berkas lambang yang sah (git checkout -- BERKAS), atau ubah kantor.lambang lewat commit "
        "bertanda tangan admin_arsip",
        "emblem {path} is not printed: {why}",
        "restore the authorised emblem file (git checkout -- FILE), or change kantor.lambang in a commit signed by "
        "an admin_arsip",
    ),
    "office.emblem_outside": (
        "letaknya di luar folder sop-kit.yaml",
        "",
        "it lies outside the folder of sop-kit.yaml",
        "",
    ),
    "office.emblem_link": ("berkasnya tautan simbolis", "", "the file is a symbolic link", ""),
    "office.emblem_missing": ("berkasnya tidak ada", "", "the file does not exist", ""),
    "office.emblem_too_large": ("berkasnya terlalu besar", "", "the file is too large", ""),
    "office.emblem_not_image": ("bukan gambar PNG atau JPEG", "", "not a PNG or JPEG picture", ""),
    "office.emblem_changed": (
        "isinya bukan yang dipatok sha256 profil kantor (diganti tanpa perubahan profil yang sah)",
        "",
        "its content is not the one the profile's sha256 pins (replaced without an authorised change of the profile)",
        "",
    ),
    "office.no_signatory": (
        "profil kantor tidak menyebut penandatangan {role}: surat memakai pejabat dari daftar staf",
        "isi kantor.penandatangan.{role} (jabatan, dan staf bila perlu)",
        "the office profile names no {role} signatory: letters take the official from the staff registry",
        "fill in kantor.penandatangan.{role} (jabatan, and staf if needed)",
    ),
    # --- the letter-number register (records/nomor/TAHUN.yaml)
    "schema.number_pattern": (
        "pola nomor '{value}' harus memuat {{urut}} dan hanya nama berikut: {fields}",
        "mis. {{klasifikasi}}/{{urut}}/{{unit}}/{{tahun}}",
        "number pattern '{value}' must hold {{urut}} and only these names: {fields}",
        "e.g. {{klasifikasi}}/{{urut}}/{{unit}}/{{tahun}}",
    ),
    "nomor.duplicate": (
        "nomor {nomor} dicadangkan lebih dari sekali; juga untuk kasus {others}",
        "satu nomor hanya untuk satu surat: biarkan yang sudah terkirim, beri batal pada yang lain (sop-kit nomor "
        "batal NOMOR --kasus ID --alasan …), ambil nomor baru (sop-kit nomor ambil) dan catat di langkahnya",
        "number {nomor} is reserved more than once; also for case {others}",
        "one number is for one letter: keep the one already sent, void the other (sop-kit nomor batal NUMBER "
        "--kasus ID --alasan …), reserve a new one (sop-kit nomor ambil) and record it in its step",
    ),
    "nomor.serial_twice": (
        "nomor urut {serial} deret {series} dipakai dua surat: {nomor} dan {others}",
        "satu nomor urut hanya untuk satu surat di deretnya: biarkan yang sudah terkirim, beri batal pada yang lain "
        "(sop-kit nomor batal NOMOR --kasus ID --alasan …), ambil nomor baru (sop-kit nomor ambil) dan catat di "
        "langkahnya",
        "serial {serial} of series {series} is used by two letters: {nomor} and {others}",
        "one serial is for one letter of its series: keep the one already sent, void the other (sop-kit nomor batal "
        "NUMBER --kasus ID --alasan …), reserve a new one (sop-kit nomor ambil) and record it in its step",
    ),
    "nomor.backdated": (
        "nomor {nomor} bertanggal {date}, sebelum nomor {previous} ({previous_date}) yang lebih kecil di deret "
        "{series}: nomor diambil kemudian lalu diberi tanggal mundur, atau salah satu tanggalnya salah ketik",
        "nomor surat diberikan berurutan menurut tanggal penandatanganan; bila tanggalnya salah, batalkan nomor "
        '(sop-kit nomor batal NOMOR --alasan "…") dan ambil nomor baru dengan tanggal yang benar',
        "number {nomor} is dated {date}, before the lower number {previous} ({previous_date}) of series {series}: "
        "it was taken later and dated back, or one of the dates is mistyped",
        "letter numbers are given in the order letters are signed; if a date is wrong, void the number "
        '(sop-kit nomor batal NUMBER --alasan "…") and take a new one with the right date',
    ),
    "nomor.backdated_refused": (
        "tanggal {date} sebelum tanggal nomor {previous} ({previous_date}) yang sudah ada di deret {series}; "
        "tidak ada nomor yang diambil",
        "nomor berikutnya tidak boleh bertanggal lebih awal (nomor mundur): periksa --tanggal (bawaan: hari ini); "
        'bila tanggal nomor {previous} yang salah ketik, batalkan dulu nomor itu (sop-kit nomor batal … --alasan "…")',
        "date {date} is before the date of number {previous} ({previous_date}), already in series {series}; "
        "no number was taken",
        "the next number cannot carry an earlier date (a back-dated number): check --tanggal (default: today); "
        'if the date of {previous} is the mistyped one, void that number first (sop-kit nomor batal … --alasan "…")',
    ),
    "nomor.gap": (
        "deret {series} berlubang: nomor urut {missing} tidak ada di register",
        "nomor tidak pernah dihapus dari register: kembalikan barisnya, dengan batal bila tidak jadi dipakai",
        "series {series} has a gap: serial {missing} is not in the register",
        "numbers are never deleted from the register: restore the line, with batal if it will not be used",
    ),
    "nomor.format": (
        "nomor {nomor} tidak mengikuti pola jenisnya (seharusnya {expected})",
        "periksa pola, klasifikasi dan unit jenis surat ini di register",
        "number {nomor} does not follow its kind's pattern (expected {expected})",
        "check this kind's pola, klasifikasi and unit in the register",
    ),
    "nomor.wrong_year": (
        "nomor bertanggal {date} dicatat di register tahun {year}",
        "pindahkan barisnya ke register tahun yang sesuai",
        "a number dated {date} is in the register of {year}",
        "move the line to the register of its year",
    ),
    "nomor.unknown_kind": (
        "jenis surat {kind} tidak ada di register ini (ada: {kinds})",
        "tambahkan jenisnya di bagian jenis: register tahun ini",
        "letter kind {kind} is not in this register (known: {kinds})",
        "add the kind under jenis: in this year's register",
    ),
    "nomor.unknown_case": (
        "nomor dicadangkan untuk kasus {id}, yang tidak ada di arsip",
        "perbaiki id kasusnya, atau beri batal pada nomor itu",
        "a number is reserved for case {id}, which is not in the archive",
        "correct the case id, or void the number",
    ),
    "nomor.not_reserved": (
        "nomor surat {nomor} tidak ada di register nomor",
        "ambil nomor dengan sop-kit nomor ambil JENIS --kasus ID, lalu catat nomor itu di langkah ini",
        "letter number {nomor} is not in the number register",
        "reserve one with sop-kit nomor ambil KIND --kasus ID, then record that number in this step",
    ),
    "nomor.other_case": (
        "nomor surat {nomor} dicadangkan untuk kasus lain: {others}",
        "ambil nomor sendiri untuk kasus ini (sop-kit nomor ambil JENIS --kasus ID)",
        "letter number {nomor} is reserved for another case: {others}",
        "reserve a number of this case's own (sop-kit nomor ambil KIND --kasus ID)",
    ),
    "nomor.voided": (
        "nomor surat {nomor} sudah dibatalkan ({reason})",
        "ambil nomor baru dan catat di langkah ini",
        "letter number {nomor} was voided ({reason})",
        "reserve a new number and record it in this step",
    ),
    "nomor.wrong_step": (
        "nomor surat {nomor} dicadangkan untuk langkah {step}, tetapi dicatat di langkah {no}",
        "catat nomor di langkah yang benar, atau ambil nomor untuk langkah ini",
        "letter number {nomor} was reserved for step {step} but is recorded in step {no}",
        "record it in the right step, or reserve a number for this step",
    ),
    "nomor.rewritten": (
        "nomor surat {nomor} ditulis ulang di register oleh commit {commit} ({who}): {fields} (kasus {id})",
        "register adalah buku: nomor yang sudah dicadangkan tidak diubah, hanya dibatalkan. Kembalikan barisnya "
        "seperti semula (git show {commit}^:BERKAS) lalu commit; nomor yang tidak jadi dipakai: sop-kit nomor "
        'batal NOMOR --alasan "…"; kasus yang memerlukan nomor lain: sop-kit nomor ambil JENIS --kasus ID',
        "letter number {nomor} was rewritten in the register by commit {commit} ({who}): {fields} (case {id})",
        "a register is a book: a reserved number is never changed, only voided. Put its line back as it was (git "
        "show {commit}^:FILE) and commit; a number that will not be used: sop-kit nomor batal NUMBER --alasan "
        '"…"; a case that needs another number: sop-kit nomor ambil KIND --kasus ID',
    ),
    "nomor.deleted": (
        "nomor surat {nomor} dihapus dari register oleh commit {commit} ({who}) (kasus {id})",
        "register adalah buku: nomor yang sudah dicadangkan tidak dihapus, hanya dibatalkan. Kembalikan barisnya "
        "(git show {commit}^:BERKAS) lalu commit; bila nomor itu tidak jadi dipakai: sop-kit nomor batal NOMOR "
        '--alasan "…"',
        "letter number {nomor} was deleted from the register by commit {commit} ({who}) (case {id})",
        "a register is a book: a reserved number is never deleted, only voided. Put its line back (git show "
        '{commit}^:FILE) and commit; if the number will not be used: sop-kit nomor batal NUMBER --alasan "…"',
    ),
    "nomor.rewritten_uncommitted": (
        "nomor surat {nomor} diubah di register tanpa commit: {fields} (kasus {id})",
        "register adalah buku: kembalikan barisnya seperti di git (git restore -- BERKAS); nomor yang tidak jadi "
        'dipakai: sop-kit nomor batal NOMOR --alasan "…"',
        "letter number {nomor} was changed in the register and not committed: {fields} (case {id})",
        "a register is a book: put the line back as git has it (git restore -- FILE); a number that will not be "
        'used: sop-kit nomor batal NUMBER --alasan "…"',
    ),
    "nomor.deleted_uncommitted": (
        "nomor surat {nomor} dihapus dari register tanpa commit (kasus {id})",
        "register adalah buku: kembalikan barisnya seperti di git (git restore -- BERKAS); nomor yang tidak jadi "
        'dipakai: sop-kit nomor batal NOMOR --alasan "…"',
        "letter number {nomor} was deleted from the register and not committed (case {id})",
        "a register is a book: put the line back as git has it (git restore -- FILE); a number that will not be "
        'used: sop-kit nomor batal NUMBER --alasan "…"',
    ),
    "nomor.two_cases": (
        "nomor surat {nomor} juga dipakai kasus {others}",
        "satu nomor hanya untuk satu surat: salah satu kasus memerlukan nomor baru",
        "letter number {nomor} is also used by case {others}",
        "one number is for one letter: one of the cases needs a new number",
    ),
    "nomor.pending": (
        "langkah {no} kasus {id} sudah punya nomor {nomor} (dicadangkan {date}), belum dicatat di langkahnya; "
        "tidak ada nomor baru yang diambil",
        'pakai nomor itu: sop-kit step {id} {no} --nomor-surat "{nomor}"; bila tidak jadi dipakai, batalkan dulu '
        '(sop-kit nomor batal {nomor} --alasan "…"); untuk surat kedua: --lagi',
        "step {no} of case {id} already has number {nomor} (reserved {date}), not yet recorded in its step; no new "
        "number was taken",
        'use it: sop-kit step {id} {no} --nomor-surat "{nomor}"; if it will not be used, void it first '
        '(sop-kit nomor batal {nomor} --alasan "…"); for a second letter: --lagi',
    ),
    "nomor.unused": (
        "nomor surat {nomor} dicadangkan untuk langkah {no} kasus {id}, yang selesai tanpa nomor itu",
        'setiap nomor di register dipakai atau dibatalkan: sop-kit nomor batal {nomor} --alasan "tidak dipakai", '
        'atau catat di langkahnya (sop-kit step {id} {no} --nomor-surat "{nomor}")',
        "letter number {nomor} was reserved for step {no} of case {id}, which was completed without it",
        'every number in the register is used or voided: sop-kit nomor batal {nomor} --alasan "not used", or '
        'record it in its step (sop-kit step {id} {no} --nomor-surat "{nomor}")',
    ),
    "nomor.register_invalid": (
        "register nomor tidak dapat dibaca: {detail}",
        "perbaiki berkas register dulu (sop-kit check menyebut barisnya)",
        "the number register cannot be read: {detail}",
        "fix the register file first (sop-kit check names the line)",
    ),
    "nomor.no_kinds": (
        "belum ada register nomor untuk {year} dan tidak ada register tahun sebelumnya untuk menyalin jenis suratnya",
        "buat berkas ini dengan format, tahun dan jenis: (pola, klasifikasi, unit) seperti contoh di README",
        "no number register for {year}, and no earlier year's register to copy its letter kinds from",
        "create this file with format, tahun and jenis: (pola, klasifikasi, unit) as in the README's example",
    ),
    "nomor.already_void": (
        "nomor {nomor} sudah dibatalkan",
        "alasannya tetap seperti tertulis; lihat daftarnya dengan sop-kit nomor daftar",
        "number {nomor} is already voided",
        "its reason stays as written; list the register with sop-kit nomor daftar",
    ),
    "nomor.void_which": (
        "nomor {nomor} dicadangkan untuk lebih dari satu kasus ({cases}): yang mana yang dibatalkan?",
        "sebut kasusnya: sop-kit nomor batal {nomor} --kasus ID --alasan …; biarkan nomor yang suratnya sudah terkirim",
        "number {nomor} is reserved for more than one case ({cases}): which one is voided?",
        "name its case: sop-kit nomor batal {nomor} --kasus ID --alasan …; keep the number whose letter was sent",
    ),
    "nomor.not_found": (
        "nomor {nomor} tidak ada di register",
        "lihat daftarnya dengan sop-kit nomor daftar",
        "number {nomor} is not in the register",
        "list the register with sop-kit nomor daftar",
    ),
    "nomor.step_not_reserved": (
        "nomor surat {nomor} belum dicadangkan untuk kasus {id}",
        "ambil nomor dulu: sop-kit nomor ambil JENIS --kasus {id}",
        "letter number {nomor} is not reserved for case {id}",
        "reserve it first: sop-kit nomor ambil KIND --kasus {id}",
    ),
    "nomor.step_voided": (
        "nomor surat {nomor} sudah dibatalkan",
        "ambil nomor baru: sop-kit nomor ambil JENIS --kasus {id}",
        "letter number {nomor} was voided",
        "reserve a new one: sop-kit nomor ambil KIND --kasus {id}",
    ),
    "nomor.void_recorded": (
        "nomor {nomor} tercatat di langkah {no} kasus {id} (suratnya sudah dipakai); tidak dibatalkan",
        "periksa nomornya. Bila surat itu memang dibatalkan (ditarik, nomor ganda), sebutkan kasusnya: "
        "sop-kit nomor batal NOMOR --kasus {id} --alasan …, lalu catat nomor baru di langkahnya",
        "number {nomor} is recorded in step {no} of case {id} (its letter was used); not voided",
        "check the number. If that letter is indeed void (withdrawn, a duplicate), name its case: "
        "sop-kit nomor batal NUMBER --kasus {id} --alasan …, then record a new number in its step",
    ),
    "nomor.which_step": (
        "SOP kasus ini tidak menyatakan surat berjenis nomor {kind}",
        "jenis nomor yang dinyatakan SOP (dan langkahnya): {kinds}; "
        "untuk jenis lain di register, sebutkan langkahnya dengan --langkah",
        "this case's SOP declares no document numbered as {kind}",
        "the number kinds the SOP declares (and their steps): {kinds}; "
        "for another kind of the register, name its step with --langkah",
    ),
    "nomor.reserved": (
        "nomor {nomor} dicadangkan ({kind}, urut {serial}) di {path}",
        "",
        "number {nomor} reserved ({kind}, serial {serial}) in {path}",
        "",
    ),
    "nomor.started": (
        "register {path} dimulai dengan jenis surat dari tahun sebelumnya",
        "",
        "register {path} started with the letter kinds of the year before",
        "",
    ),
    "nomor.next": ("Catat di langkahnya:", "", "Record it in its step:", ""),
    "nomor.commit": ("Lalu commit registernya:", "", "Then commit the register:", ""),
    "nomor.commit_with_step": (
        "Register ikut di-commit bersama catatan langkahnya: tambahkan --commit (atau, sesudahnya, "
        "sop-kit step {id} {no} --commit)",
        "",
        "The register is committed with the step's record: add --commit (or, afterwards, "
        "sop-kit step {id} {no} --commit)",
        "",
    ),
    "nomor.voided_done": ("nomor {nomor} dibatalkan di {path}", "", "number {nomor} voided in {path}", ""),
    "nomor.list_header": (
        "Register nomor {year}: {count} nomor",
        "",
        "Number register {year}: {count} number(s)",
        "",
    ),
    "nomor.list_empty": ("Register nomor kosong.", "", "The number register is empty.", ""),
    # --- sop-kit agenda
    "agenda.header": (
        "Agenda per {date}, pukul {at} (akhir hari kerja)",
        "",
        "Agenda as of {date}, {at} (end of the working day)",
        "",
    ),
    "agenda.empty": ("Tidak ada langkah yang terbuka.", "", "No open steps.", ""),
    "agenda.nobody": ("Tanpa pemegang peran", "", "No role holder", ""),
    "agenda.person": (
        "{name} ({id}): {count} butir, {overdue} terlambat",
        "",
        "{name} ({id}): {count} item(s), {overdue} overdue",
        "",
    ),
    "agenda.kind_keputusan": ("keputusan menunggu", "", "decision waiting", ""),
    "agenda.kind_berjalan": ("sedang berjalan", "", "in progress", ""),
    "agenda.kind_menunggu": ("menunggu dikerjakan", "", "due to start", ""),
    "agenda.kind_dokumen": ("dokumen kurang: {doc}", "", "document missing: {doc}", ""),
    "agenda.kind_persetujuan": ("persetujuan menunggu", "", "approval waiting", ""),
    "agenda.former": (
        "pelaksana tercatat {name} tidak lagi memegang peran langkah ini: dialihkan dengan `sop-kit step {case} {no} "
        "--pelaksana ID`",
        "",
        "the recorded pelaksana {name} no longer holds this step's role: reassign with `sop-kit step {case} {no} "
        "--pelaksana ID`",
        "",
    ),
    "agenda.approve": ("MENUNGGU PERSETUJUAN", "", "APPROVAL WAITING", ""),
    "agenda.line_approval": (
        "langkah {no}, persetujuan menunggu: {activity} — selesai {since}, belum disetujui pelaksananya dengan "
        "commit bertanda tangan: {how}",
        "",
        "step {no}, approval waiting: {activity} — done {since}, not yet approved by its doer in a signed commit: "
        "{how}",
        "",
    ),
    "agenda.overdue": ("TERLAMBAT (tenggat {due})", "", "OVERDUE (due {due})", ""),
    "agenda.due": ("tenggat {due}", "", "due {due}", ""),
    "agenda.days": ("{n} hari", "", "{n} day(s)", ""),
    "agenda.hours": ("{n} jam", "", "{n} h", ""),
    "agenda.minutes": ("{n} menit", "", "{n} min", ""),
    "agenda.flexible": ("(waktu disesuaikan)", "", "(time indicative)", ""),
    "agenda.line": (
        "langkah {no}, {kind}: {activity} — {elapsed} waktu kerja sejak {since} (standar {standard})",
        "",
        "step {no}, {kind}: {activity} — {elapsed} of working time since {since} (standard {standard})",
        "",
    ),
    "agenda.method": (
        "Waktu kerja (jam_kerja di sop-kit.yaml, seperti pemeriksaan menghitung Waktu SOP): {hours}.",
        "",
        "Working time (jam_kerja in sop-kit.yaml, as the check counts the SOP's Waktu): {hours}.",
        "",
    ),
    "agenda.ics_written": (
        "kalender {path} ditulis ({count} acara)",
        "",
        "calendar {path} written ({count} events)",
        "",
    ),
    "office.write_failed": (
        "{path} tidak dapat ditulis: {error}",
        "periksa foldernya dan hak tulisnya; berkas lama tetap utuh",
        "{path} cannot be written: {error}",
        "check the folder and its permissions; the previous file is left as it was",
    ),
    # --- sop-kit laporan
    "laporan.bad_period": (
        "periode laporan {kind} '{value}' tidak dikenal",
        "tulis seperti {example}",
        "unknown {kind} report period '{value}'",
        "write it like {example}",
    ),
    "office.out_in_archive": (
        "{path} ada di dalam arsip (catatan, pengaturan, kantor/, templates/ atau .git/); tidak ada yang ditulis",
        "tulis di luar folder itu, mis. di folder ini (agenda: --out agenda.ics; laporan: tanpa --out)",
        "{path} is inside the archive (records, settings, kantor/, templates/ or .git/); nothing was written",
        "write outside those folders, e.g. here (agenda: --out agenda.ics; laporan: no --out)",
    ),
    "office.out_other_file": (
        "{path} sudah ada dan bukan berkas {suffix}; tidak ditimpa",
        "pilih nama berkas baru yang berakhiran {suffix}",
        "{path} exists and is not a {suffix} file; it was not overwritten",
        "choose a new file name ending in {suffix}",
    ),
    "laporan.bad_period_alone": (
        "periode laporan '{value}' tidak dikenal",
        "tulis periodenya (2025-03 sebulan, 2025-Q1 satu triwulan, 2025 setahun), atau jenis dan periodenya: "
        "sop-kit laporan bulanan 2025-03",
        "unknown report period '{value}'",
        "write the period (2025-03 a month, 2025-Q1 a quarter, 2025 a year), or the kind and the period: "
        "sop-kit laporan bulanan 2025-03",
    ),
    "laporan.bad_kind": (
        "jenis laporan '{kind}' tidak dikenal",
        "pilih salah satu: {kinds}, lalu periodenya (sop-kit laporan tahunan 2025); atau periodenya saja",
        "unknown kind of report '{kind}'",
        "choose one of: {kinds}, then the period (sop-kit laporan tahunan 2025); or the period alone",
    ),
    "laporan.pdf_failed": (
        "PDF laporan tidak dapat dibuat: {error}",
        "periksa templat laporan-periode.html di folder templates/ arsip",
        "the report's PDF could not be made: {error}",
        "check the laporan-periode.html template in the archive's templates/ folder",
    ),
    "laporan.summary": (
        "Laporan {label}: {active} kasus aktif, {opened} dibuka, {closed} selesai, {stopped} dihentikan, {progress} "
        "berjalan di akhir periode",
        "",
        "Report {label}: {active} active case(s), {opened} opened, {closed} closed, {stopped} stopped, {progress} in "
        "progress at its end",
        "",
    ),
    "laporan.group_dokumen": ("Dokumen dan berkas", "", "Documents and files", ""),
    "laporan.group_langkah": ("Urutan dan pelaksanaan langkah", "", "Order and conduct of steps", ""),
    "laporan.group_waktu": ("Waktu melebihi standar", "", "Time over the standard", ""),
    "laporan.group_persetujuan": ("Persetujuan (jejak git)", "", "Approvals (git trail)", ""),
    "laporan.group_identitas": ("Identitas dan lokasi kasus", "", "Case identity and location", ""),
    "laporan.group_staf": ("Staf dan peran", "", "Staff and roles", ""),
    "laporan.group_nomor": ("Nomor surat", "", "Letter numbers", ""),
    "laporan.group_lain": ("Lainnya", "", "Other", ""),
    # --- sop-kit retensi
    "retensi.header": (
        "Retensi arsip per {date}: {due} dari {total} kasus selesai atau dihentikan jatuh tempo",
        "",
        "Records retention as of {date}: {due} of {total} closed or stopped case(s) due",
        "",
    ),
    "retensi.state_aktif": (
        "{case}: aktif sampai {active} ({closed})",
        "",
        "{case}: active until {active} ({closed})",
        "",
    ),
    "retensi.closed_selesai": ("selesai {date}", "", "closed {date}", ""),
    "retensi.closed_batal": ("dibatalkan {date}", "", "withdrawn {date}", ""),
    "retensi.closed_ditutup": ("ditutup sebelum selesai {date}", "", "closed early {date}", ""),
    "retensi.state_pindah": (
        "{case}: PINDAH ke pusat arsip (inaktif) sejak {active}; nasib akhir pada {inactive}",
        "",
        "{case}: TRANSFER to the records centre (inactive) since {active}; final fate due {inactive}",
        "",
    ),
    "retensi.state_musnah": (
        "{case}: MUSNAH jatuh tempo sejak {inactive}, dengan persetujuan pimpinan dan berita acara",
        "",
        "{case}: DESTRUCTION due since {inactive}, with the head's approval and a destruction record",
        "",
    ),
    "retensi.state_permanen": (
        "{case}: SERAHKAN ke lembaga kearsipan daerah (permanen) sejak {inactive}",
        "",
        "{case}: HAND OVER to the regional archive (permanent) since {inactive}",
        "",
    ),
    "retensi.none_due": ("tidak ada yang jatuh tempo", "", "nothing is due", ""),
    "retensi.open": (
        "{count} kasus belum selesai: retensinya belum berjalan",
        "",
        "{count} case(s) not closed: their retention has not started",
        "",
    ),
    "retensi.no_jra": (
        "{count} kasus selesai tanpa JRA: isi retensi: di SOP-nya atau di profil kantor",
        "",
        "{count} closed case(s) without a JRA entry: fill in retensi: in their SOP or the office profile",
        "",
    ),
}
