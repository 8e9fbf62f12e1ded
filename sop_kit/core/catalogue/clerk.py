"""Messages of the clerks' commands (new, step, schema, init)."""

ENTRIES: dict[str, tuple[str, str, str, str]] = {
    # --- issue 14: the clerk's real path (rounds, corrections, withdrawals, staff, interactive new)
    "record.wrong_ending": (
        "isi berkas adalah {found}, tetapi namanya berakhiran .{ending}; berkas tidak dilampirkan",
        "beri nama yang sesuai isinya ({endings}), atau simpan ulang dalam format yang benar (mis. cetak ke PDF)",
        "the file's content is {found}, but its name ends in .{ending}; the file was not attached",
        "name it after its content ({endings}), or save it again in the right format (e.g. print to PDF)",
    ),
    "record.case_stopped": (
        "kasus ini berstatus '{status}' sejak {date}; langkah tidak dicatat lagi",
        "catatan yang ada hanya dapat dikoreksi (--koreksi); bila kasus dibuka lagi, itu kasus baru (sop-kit new)",
        "this case is '{status}' since {date}; no step is recorded any more",
        "existing records can only be corrected (--koreksi); reopening it means a new case (sop-kit new)",
    ),
    "record.no_reason": (
        "keputusan 'tidak' di langkah {no} perlu alasan; langkah tidak dicatat",
        'tambahkan --alasan "…" (mis. data apa yang belum valid)',
        "a 'tidak' decision in step {no} needs a reason; the step was not recorded",
        'add --alasan "…" (e.g. which data is not valid yet)',
    ),
    "record.approved": (
        "langkah {no} putaran {putaran} sudah selesai dan tercatat di riwayat git (sudah disetujui); tidak diubah",
        'untuk mengubahnya, catat sebagai koreksi: tambahkan --koreksi "apa yang dikoreksi dan mengapa"',
        "step {no} round {putaran} is complete and in git history (approved); not changed",
        'to change it, record a correction: add --koreksi "what is corrected and why"',
    ),
    "record.decided_in_history": (
        "keputusan langkah {no} putaran {putaran} sudah tercatat di riwayat git dan membuka putaran {round}, "
        "yang dimulai dari langkah {first}; langkah {no} tidak dicatat",
        'untuk mengubah keputusan itu: --koreksi "alasannya"; untuk langkah {no} putaran {round}: --putaran {round}',
        "the decision of step {no} round {putaran} is in git history and opened round {round}, "
        "which starts at step {first}; step {no} not recorded",
        'to change that decision: --koreksi "why"; for step {no} of round {round}: --putaran {round}',
    ),
    "record.round_not_open": (
        "putaran {round} belum dibuka: kasus ini sedang di putaran {current}; langkah {no} tidak dicatat",
        "putaran baru dibuka hanya oleh keputusan 'tidak'; catat langkahnya di putaran berjalan (tanpa --putaran), "
        "atau periksa nomor putarannya (sop-kit status KASUS)",
        "round {round} is not open: this case is in round {current}; step {no} was not recorded",
        "only a 'tidak' decision opens a new round; record the step in the current round (without --putaran), "
        "or check the round number (sop-kit status CASE)",
    ),
    "record.strands_records": (
        "langkah {no} tidak dicatat: dengan isi ini, catatan yang dibuat sesudah keputusan semula keluar dari jalur "
        "SOP: {files}",
        "catatan itu mengikuti keputusan yang tercatat; bila keputusan itu memang keliru, catatan itu juga keliru: "
        "keluarkan dulu dari arsip (git rm, lalu commit bertanda tangan) dan jalankan lagi perintah ini",
        "step {no} not recorded: with this content, the records made after the decision as it was would leave the "
        "SOP's path: {files}",
        "those records follow the recorded decision; if that decision was wrong, so are they: take them out of the "
        "archive first (git rm, then a signed commit) and run this command again",
    ),
    "record.nothing_to_correct": (
        "langkah {no} belum pernah dicatat, jadi tidak ada yang dikoreksi",
        "catat langkahnya tanpa --koreksi",
        "step {no} was never recorded, so there is nothing to correct",
        "record the step without --koreksi",
    ),
    "record.correction_reason": (
        "--koreksi perlu alasan",
        'tulis apa yang dikoreksi dan mengapa, mis. --koreksi "nomor SK salah ketik"',
        "--koreksi needs a reason",
        'say what is corrected and why, e.g. --koreksi "SK number mistyped"',
    ),
    "record.approve_alone": (
        "--setujui menyetujui koreksi apa adanya; tidak dapat digabung dengan perubahan lain",
        "jalankan --setujui sendiri (boleh dengan --commit)",
        "--setujui approves a correction as it is; it cannot be combined with other changes",
        "run --setujui on its own (--commit allowed)",
    ),
    "record.nothing_to_approve": (
        "langkah {no} belum selesai di riwayat git: tidak ada yang disetujui",
        "pelaksananya mencatat langkah itu selesai dan meng-commit-nya sendiri dengan kunci SSH-nya: "
        "sop-kit step {case} {no} --selesai … --commit",
        "step {no} is not complete in git history: there is nothing to approve",
        "its pelaksana records the step complete and commits it with their own SSH key: "
        "sop-kit step {case} {no} --selesai … --commit",
    ),
    "record.already_approved": (
        "langkah {no} sudah disetujui pelaksananya (atau penggantinya) dengan commit bertanda tangan, dan tidak ada "
        "koreksi yang menunggu",
        "tidak ada yang perlu disetujui; `sop-kit trail {case}` menunjukkan persetujuannya",
        "step {no} is already approved by its pelaksana's (or their successor's) signed commit, and no correction "
        "is waiting",
        "there is nothing to approve; `sop-kit trail {case}` shows the approval",
    ),
    "record.approve_changed": (
        "catatan langkah {no} berbeda dari versinya di git; yang disetujui adalah yang ada di riwayat",
        "kembalikan berkasnya (git restore -- {path}) lalu setujui; perubahan yang dimaksud dicatat sebagai koreksi "
        '(--koreksi "…")',
        "the record of step {no} differs from its version in git; what is approved is what history holds",
        "restore the file (git restore -- {path}), then approve; a change meant is recorded as a correction "
        '(--koreksi "…")',
    ),
    "record.has_errors": (
        "langkah ini belum sesuai SOP ({count} galat): perbaiki dulu, belum di-commit",
        "",
        "this step does not follow the SOP yet ({count} errors): fix it first; not committed",
        "",
    ),
    "record.moved": (
        "berkas isian {old} dipakai untuk putaran {putaran} dan dipindah ke {new}",
        "",
        "the pre-filled file {old} was used for round {putaran} and moved to {new}",
        "",
    ),
    "record.corrected": (
        "KOREKSI: langkah {no} sudah disetujui sebelumnya; koreksi ini harus disetujui ulang oleh {who}.",
        "",
        "CORRECTION: step {no} was approved before; this correction must be approved again by {who}.",
        "",
    ),
    "record.reapprove_how": (
        "Caranya: {who} menjalankan `sop-kit step {id} {no} --setujui --commit` dengan kunci SSH-nya sendiri "
        "(atau meng-commit koreksi ini sendiri dengan `git commit -S`). Sampai itu, `sop-kit check` melaporkan langkah "
        "ini 'diubah setelah disetujui'.",
        "",
        "How: {who} runs `sop-kit step {id} {no} --setujui --commit` with their own SSH key (or commits this "
        "correction themselves with `git commit -S`). Until then, `sop-kit check` reports the step as 'changed after "
        "approval'.",
        "",
    ),
    "record.reapproved": (
        "koreksi langkah {no} ditandai disetujui ulang; berlaku setelah di-commit dengan tanda tangan {who}",
        "",
        "the correction of step {no} is marked approved again; it counts once committed signed by {who}",
        "",
    ),
    "record.personal_content": (
        "isi PDF ini memuat data pribadi ({kinds}: «{excerpt}»), padahal lampiran yang tidak pribadi terbit apa "
        "adanya di situs publik; berkas tidak dilampirkan",
        "bila berkas ini memang berisi data keluarga, lampirkan dengan --pribadi (hanya di arsip dan situs "
        "internal); bila tidak seharusnya, lampirkan salinan tanpa data itu",
        "this PDF's text holds personal data ({kinds}: «{excerpt}»), and an attachment that is not private is "
        "published as it is on the public site; the file was not attached",
        "if the file does hold a family's data, attach it with --pribadi (archive and internal site only); if not, "
        "attach a copy without that data",
    ),
    "record.signer_other": (
        "git di sini menandatangani dengan kunci {signer} (user.signingkey), bukan kunci {who}: commit itu tidak "
        "menyetujui langkah {no}; tidak ada yang ditulis",
        "{who} menjalankan perintah ini dengan kuncinya sendiri: di komputernya, atau di sini setelah "
        "`git config user.signingkey JALUR/KUNCI.pub` miliknya",
        "git here signs with {signer}'s key (user.signingkey), not {who}'s: that commit would not approve step "
        "{no}; nothing was written",
        "{who} runs this command with their own key: on their computer, or here after "
        "`git config user.signingkey PATH/TO/KEY.pub` of theirs",
    ),
    "record.signer_unknown": (
        "kunci tanda tangan git di sini ({key}, user.signingkey) tidak terdaftar di staf.yaml: commit itu tidak "
        "menyetujui langkah {no}; tidak ada yang ditulis",
        "{who} memakai kuncinya yang terdaftar (`git config user.signingkey JALUR/KUNCI.pub`); kunci baru "
        "didaftarkan admin staf: sop-kit staf ubah ID --kunci KUNCI.pub",
        "git's signing key here ({key}, user.signingkey) is not in staf.yaml: that commit would not approve step "
        "{no}; nothing was written",
        "{who} uses their registered key (`git config user.signingkey PATH/TO/KEY.pub`); a new key is registered by "
        "the staff admin: sop-kit staf ubah ID --kunci KEY.pub",
    ),
    "record.approved_completion": (
        "langkah {no} ditandai disetujui (disetujui: {when}); berlaku setelah di-commit dengan tanda tangan {who}",
        "",
        "step {no} is marked approved (disetujui: {when}); it counts once committed signed by {who}",
        "",
    ),
    "record.not_approved_yet": (
        "BELUM DISETUJUI: commit ini bukan persetujuan langkah {no} oleh pelaksananya.",
        "",
        "NOT APPROVED YET: this commit is not the approval of step {no} by its pelaksana.",
        "",
    ),
    "record.approve_how": (
        "Caranya: {who} menjalankan `sop-kit step {id} {no} --setujui --commit` dengan kunci SSH-nya sendiri.",
        "",
        "How: {who} runs `sop-kit step {id} {no} --setujui --commit` with their own SSH key.",
        "",
    ),
    "stop.done": (
        "kasus {id} dicatat '{status}' per {date}: {path}",
        "",
        "case {id} recorded as '{status}' as of {date}: {path}",
        "",
    ),
    "stop.sign": (
        "Kasus tetap di arsip dengan alasannya. Bila sudah ada langkah yang disetujui, perubahan ini sah setelah "
        "di-commit dengan tanda tangan pemegang peran keputusan ({roles}).",
        "",
        "The case stays in the archive with its reason. If steps were approved already, this change counts once "
        "committed signed by a holder of the decision's role ({roles}).",
        "",
    ),
    "new.future": (
        "tanggal mulai {date} ada di masa depan (hari ini {today}); kasus tidak dibuat",
        "periksa tanggal dan tahunnya: kasus dibuka pada hari pembinaannya dimulai (id kasus memuat tahun dan "
        "bulan itu)",
        "the start date {date} is in the future (today {today}); no case made",
        "check the date and year: a case is opened on the day its coaching starts (its id holds that year and month)",
    ),
    "stop.future": (
        "tanggal {date} ada di masa depan (hari ini {today}); kasus tidak dihentikan",
        "periksa tanggal dan tahunnya: kasus dicatat berhenti pada hari ia berhenti",
        "the date {date} is in the future (today {today}); the case is not stopped",
        "check the date and year: a case is recorded as stopped on the day it stops",
    ),
    "stop.already": (
        "kasus sudah berstatus '{status}' sejak {date}",
        "kasus yang dibatalkan atau ditutup tetap seperti itu. Bila keliru dan belum di-commit: git restore -- "
        "{path}; bila sudah di-commit, perbaiki 'dihentikan' di kasus.yaml dan commit dengan tanda tangan pemegang "
        "peran keputusan",
        "the case is already '{status}' since {date}",
        "a withdrawn or closed case stays so. If this was a mistake not yet committed: git restore -- {path}; if "
        "committed, correct 'dihentikan' in kasus.yaml and commit it signed by the deciding role's holder",
    ),
    "stop.no_reason": (
        "pembatalan atau penutupan kasus perlu alasan",
        'tambahkan --alasan "…" (PUBLIK: tanpa nama atau NIK keluarga)',
        "withdrawing or closing a case needs a reason",
        'add --alasan "…" (PUBLIC: no names or NIK of families)',
    ),
    "stop.before_steps": (
        "kasus tidak dapat dihentikan per {date}: langkah {no} dimulai sesudahnya ({started}); kasus tidak dihentikan",
        "periksa --tanggal: kasus dicatat berhenti pada hari ia berhenti, sesudah langkah terakhir yang dikerjakan",
        "the case cannot be stopped as of {date}: step {no} started after it ({started}); the case is not stopped",
        "check --tanggal: a case is recorded as stopped on the day it stops, after the last step worked on",
    ),
    "stop.finished": (
        "kasus {id} sudah selesai menurut SOP; tidak dapat dibatalkan atau ditutup",
        "",
        "case {id} is already complete under the SOP; it cannot be withdrawn or closed",
        "",
    ),
    "stop.wrong_role": (
        "{who} tidak memegang peran yang memutuskan dalam SOP pada {date}; menghentikan kasus adalah keputusan "
        "{required}",
        "beri --oleh pemegang peran itu pada tanggal tersebut: {holders}",
        "{who} did not hold the SOP's deciding role on {date}; stopping a case is a decision of the {required}",
        "give --oleh a holder of that role on that date: {holders}",
    ),
    "new.answers_so_far": (
        "Jawaban sejauh ini tidak hilang; lanjutkan dengan:",
        "",
        "The answers so far are not lost; carry on with:",
        "",
    ),
    "new.prompt_staff": (
        "Staf pembuat kasus (nomor atau id)",
        "",
        "Staff member opening the case (number or id)",
        "",
    ),
    "new.prompt_again": ("Coba lagi", "", "Try again", ""),
    "staff.bad_id": (
        "id staf '{id}' tidak dapat dipakai: id ditulis huruf kecil, angka dan tanda hubung",
        "misalnya {example} (dari nama orangnya); id tidak pernah berubah, jadi dipakai di semua catatan",
        "staff id '{id}' cannot be used: ids are lower-case letters, digits and hyphens",
        "for example {example} (from the person's name); an id never changes, so every record uses it",
    ),
    "staff.exists": (
        "id staf '{id}' sudah ada di daftar staf",
        "untuk orang yang sama pakai `sop-kit staf ubah {id}`; untuk orang lain pilih id lain",
        "staff id '{id}' is already in the registry",
        "for the same person use `sop-kit staf ubah {id}`; for someone else choose another id",
    ),
    "staff.add_needs": (
        "orang baru perlu --nama, --nip, --jabatan dan --mulai",
        "lihat `sop-kit staf tambah --help`",
        "a new person needs --nama, --nip, --jabatan and --mulai",
        "see `sop-kit staf tambah --help`",
    ),
    "staff.unknown_id": (
        "staf '{id}' tidak ada di daftar staf",
        "id yang ada: {known}",
        "staff member '{id}' is not in the registry",
        "known ids: {known}",
    ),
    "staff.last_admin": (
        "setelah perubahan ini tidak ada lagi jabatan berjalan yang memegang {flags}: tidak ada yang dapat "
        "mengesahkan perubahan daftar staf, SOP atau pengaturan berikutnya, termasuk penggantinya; '{id}' tidak diubah",
        "tambahkan dulu penggantinya dengan wewenang itu (sop-kit staf tambah ID … --admin-staf, atau "
        "sop-kit staf ubah ID --jabatan … --admin-staf), commit dengan tanda tangan admin sekarang, "
        "baru akhiri jabatan ini",
        "after this change no open position holds {flags}: no one could authorise the next change of the "
        "staff registry, the SOPs or the settings, not even the successor's entry; '{id}' was not changed",
        "first add the successor with that right (sop-kit staf tambah ID … --admin-staf, or "
        "sop-kit staf ubah ID --jabatan … --admin-staf), commit it signed by a current admin, "
        "then end this position",
    ),
    "staff.which_tenure": (
        "jabatan mana yang diakhiri untuk '{id}'? Yang masih berjalan: {open}",
        'sebutkan dengan --jabatan "…" tepat seperti di daftar staf',
        "which position of '{id}' ends? Still open: {open}",
        'name it with --jabatan "…" exactly as in the registry',
    ),
    "staff.no_key": (
        "kunci publik SSH tidak ditemukan",
        "beri berkas .pub dengan --kunci BERKAS, atau buat kunci: ssh-keygen -t ed25519",
        "no SSH public key found",
        "give a .pub file with --kunci FILE, or make a key: ssh-keygen -t ed25519",
    ),
    "staff.bad_key": (
        "berkas ini bukan kunci publik SSH",
        "pakai berkas .pub (satu baris 'ssh-ed25519 AAAA…'), bukan kunci privat",
        "this file is not an SSH public key",
        "use the .pub file (one line 'ssh-ed25519 AAAA…'), not the private key",
    ),
    "staff.key_taken": (
        "kunci {fingerprint} sudah terdaftar untuk '{other}'; tidak dicatat",
        "setiap orang menandatangani dengan kuncinya sendiri: buat kunci baru (ssh-keygen -t ed25519) di komputer "
        "orang ini dan daftarkan .pub-nya",
        "key {fingerprint} is already registered for '{other}'; not recorded",
        "each person signs with a key of their own: make a new key (ssh-keygen -t ed25519) on this person's "
        "computer and register its .pub",
    ),
    "staff.key_not_listed": (
        "kunci {fingerprint} tidak terdaftar untuk '{id}'; tidak ada yang dicabut",
        "kunci '{id}' yang terdaftar: {listed}",
        "key {fingerprint} is not registered for '{id}'; nothing was revoked",
        "the keys registered for '{id}': {listed}",
    ),
    "staff.private_key": (
        "berkas ini kunci PRIVAT; tidak dibaca dan tidak dicatat",
        "kunci privat tidak pernah dibagikan; pakai berkas .pub di sebelahnya",
        "this file is a PRIVATE key; it was neither read nor recorded",
        "a private key is never shared; use the .pub file beside it",
    ),
    "staff.missing_file": (
        "daftar staf tidak ada atau bukan berkas biasa",
        "buat arsip dengan `sop-kit init` terlebih dahulu",
        "the staff registry is missing or not an ordinary file",
        "create the archive with `sop-kit init` first",
    ),
    "staff.left_in_progress": (
        "PERHATIAN: {who} masih tercatat sebagai pelaksana langkah yang berjalan: {case} langkah {no} (putaran "
        "{putaran}); alihkan ke pemegang perannya: sop-kit step {case} {no} --pelaksana ID",
        "",
        "NOTE: {who} is still recorded as doing a step in progress: {case} step {no} (round {putaran}); give it to a "
        "holder of its role: sop-kit step {case} {no} --pelaksana ID",
        "",
    ),
    "staff.left_unapproved": (
        "PERHATIAN: {who} belum menyetujui langkah yang tercatat diselesaikannya: {case} langkah {no} (putaran "
        "{putaran}); mintalah ia menyetujuinya selagi memegang perannya: sop-kit step {case} {no} --putaran "
        "{putaran} --setujui --commit (sesudah itu, pemegang perannya menyetujui sebagai pengganti)",
        "",
        "NOTE: {who} has not approved a step recorded as done by them: {case} step {no} (round {putaran}); have "
        "them approve it while they hold the role: sop-kit step {case} {no} --putaran {putaran} --setujui --commit "
        "(afterwards, a holder of its role approves it in their stead)",
        "",
    ),
    "staff.written": (
        "daftar staf diperbarui: {path} ({who})",
        "",
        "staff registry updated: {path} ({who})",
        "",
    ),
    "staff.governed": (
        "PENTING: daftar staf baru berlaku setelah di-commit dengan tanda tangan admin staf (admin_staf): {admins}.",
        "",
        "IMPORTANT: the registry counts only once committed with the signature of a registry administrator "
        "(admin_staf): {admins}.",
        "",
    ),
    "staff.governed_first": (
        "PENTING: daftar staf belum pernah di-commit: versi pertama yang di-commit menjadi awal kepercayaan "
        "(sematkan sidiknya di sop-kit.yaml, akar_kepercayaan), dan setiap perubahan sesudahnya perlu tanda tangan "
        "admin staf (admin_staf): {admins}.",
        "",
        "IMPORTANT: the registry was never committed: the first version committed is where trust starts (pin its "
        "digest in sop-kit.yaml, akar_kepercayaan), and every later change needs the signature of a registry "
        "administrator (admin_staf): {admins}.",
        "",
    ),
    "staff.none_yet": ("belum ada, tambahkan dengan --admin-staf", "", "none yet, add one with --admin-staf", ""),
    "staff.no_admin": (
        "PENTING: daftar staf yang berlaku tidak mencantumkan admin staf (admin_staf) yang menjabat hari ini: "
        "perubahan ini tidak akan berlaku setelah di-commit, karena tidak ada yang berwenang mengesahkannya.",
        "",
        "IMPORTANT: the registry in force lists no registry administrator (admin_staf) in office today: this change "
        "will not count once committed, as no one may authorise it.",
        "",
    ),
    # --- sop-kit new / step (clerk workflow)
    "new.unknown_kecamatan": (
        "kecamatan '{name}' tidak ada di Kabupaten Purwakarta (mirip: {suggestions})",
        "tulis nama kecamatan seperti di register Kemendagri; `sop-kit new` tanpa --kecamatan menampilkan pilihannya",
        "kecamatan '{name}' does not exist in Kabupaten Purwakarta (close: {suggestions})",
        "write the kecamatan as in the Kemendagri register; `sop-kit new` without --kecamatan lists the choices",
    ),
    "new.unknown_desa": (
        "desa '{name}' tidak ada di Kecamatan {kecamatan} (mirip: {suggestions}; desa bernama itu ada di: {elsewhere})",
        "periksa ejaan desa, atau kecamatannya",
        "desa '{name}' does not exist in Kecamatan {kecamatan} (close: {suggestions}; a desa of that name is in: "
        "{elsewhere})",
        "check the desa's spelling, or its kecamatan",
    ),
    "new.no_staff": (
        "daftar staf masih kosong, jadi '{who}' belum dapat dicatat",
        "admin staf menambahkan staf dulu: sop-kit staf tambah ID --nama … --nip … --jabatan … --mulai … "
        "(README, sop-kit staf tambah), lalu commit dengan tanda tangannya",
        "the staff registry is still empty, so '{who}' cannot be recorded yet",
        "the staff admin adds the staff first: sop-kit staf tambah ID --nama … --nip … --jabatan … --mulai … "
        "(README, sop-kit staf tambah), then commits it signed",
    ),
    "new.unknown_staff_alone": (
        "staf '{who}' tidak ada di daftar staf, dan tidak ada id atau nama yang mirip",
        "gunakan id staf dari staf.yaml (huruf kecil dengan tanda hubung), atau minta admin staf menambahkannya",
        "staff member '{who}' is not in the staff registry, and no id or name is close",
        "use a staff id from staf.yaml (lower case with hyphens), or ask the staff admin to add them",
    ),
    "new.unknown_staff": (
        "staf '{who}' tidak ada di daftar staf (mirip: {suggestions})",
        "gunakan id staf dari staf.yaml (huruf kecil dengan tanda hubung), atau minta admin staf menambahkannya",
        "staff member '{who}' is not in the staff registry (close: {suggestions})",
        "use a staff id from staf.yaml (lower case with hyphens), or ask the staff admin to add them",
    ),
    "new.staff_not_in_force": (
        "staf '{who}' tercatat di staf.yaml di folder ini, tetapi perubahan itu belum berlaku: daftar staf yang "
        "menilai kasus adalah versi terakhir yang di-commit dengan tanda tangan admin staf",
        "minta admin staf (Kepala Dinas atau Kasubag Umum) meng-commit staf.yaml dengan tanda tangannya "
        "(git commit -S), lalu ulangi perintah ini; `sop-kit check` menyebut versi mana yang berlaku",
        "staff member '{who}' is in staf.yaml in this folder, but that change is not in force: the registry that "
        "judges cases is the last version committed with a staff administrator's signature",
        "ask a staff administrator (the Kepala Dinas or the Kasubag Umum) to commit staf.yaml with their signature "
        "(git commit -S), then run this command again; `sop-kit check` names the version in force",
    ),
    "new.which_sop": (
        "arsip memuat lebih dari satu SOP ({known}); pilih salah satu",
        "tambahkan --sop NOMOR",
        "the archive holds more than one SOP ({known}); choose one",
        "add --sop NUMBER",
    ),
    "new.unknown_sop": (
        "SOP {nomor} tidak ada di arsip (yang ada: {known})",
        "periksa nomor SOP di folder sop/",
        "SOP {nomor} is not in the archive (known: {known})",
        "check the SOP number in the sop/ folder",
    ),
    "new.sop_not_in_force": (
        "SOP {nomor} baru berlaku sejak {effective}, sedangkan kasus mulai {start}",
        "periksa tanggal mulai kasus",
        "SOP {nomor} is in force only from {effective}, but the case starts {start}",
        "check the case's start date",
    ),
    "new.period_order": (
        "periode berakhir ({end}) sebelum dimulai ({start})",
        "periksa --mulai dan --sampai",
        "the period ends ({end}) before it starts ({start})",
        "check --mulai and --sampai",
    ),
    "new.bad_date": (
        "tanggal '{value}' tidak dapat dibaca",
        "tulis tanggal sebagai TTTT-BB-HH atau HH-BB-TTTT, misalnya 2026-03-02 atau 02-03-2026",
        "date '{value}' cannot be read",
        "write the date as YYYY-MM-DD or DD-MM-YYYY, e.g. 2026-03-02 or 02-03-2026",
    ),
    "new.open_case": (
        "desa {desa} sudah punya kasus {sop} yang belum selesai: {cases}",
        "lanjutkan kasus itu (sop-kit status ID); bila ini memang pembinaan terpisah, jalankan lagi dengan --lagi",
        "desa {desa} already has a case of {sop} not yet finished: {cases}",
        "carry on with that case (sop-kit status ID); if this really is a separate coaching, run again with --lagi",
    ),
    "new.no_free_id": (
        "tidak menemukan nomor kasus yang belum dipakai untuk desa {desa}",
        "coba lagi; bila terulang, laporkan ke pengelola sop-kit",
        "found no unused case id for desa {desa}",
        "try again; if it happens again, report it to the sop-kit maintainers",
    ),
    "new.symlink": (
        "folder tahun adalah tautan simbolik; kasus tidak dibuat",
        "ganti tautan dengan folder biasa di dalam arsip",
        "the year folder is a symbolic link; no case was created",
        "replace the link with an ordinary folder inside the archive",
    ),
    "new.invalid_scaffold": (
        "berkas kasus baru tidak lolos pemeriksaan; tidak ada yang dibuat",
        "ini kesalahan sop-kit: laporkan beserta perintah yang dijalankan",
        "the new case's file does not pass the check; nothing was created",
        "this is a sop-kit bug: report it with the command you ran",
    ),
    "new.missing_option": (
        "{option} wajib diisi bila tidak interaktif",
        "tambahkan {option} …, atau jalankan tanpa --no-input di terminal untuk ditanya",
        "{option} is required when not interactive",
        "add {option} …, or run without --no-input in a terminal to be asked",
    ),
    "new.cancelled": (
        "dibatalkan; tidak ada yang dibuat",
        "",
        "cancelled; nothing was created",
        "",
    ),
    "new.prompt_kecamatan": ("Kecamatan (nomor atau nama)", "", "Kecamatan (number or name)", ""),
    "new.prompt_desa": (
        "Desa/kelurahan di {kecamatan} (nomor atau nama)",
        "",
        "Desa/kelurahan in {kecamatan} (number or name)",
        "",
    ),
    "new.prompt_mulai": ("Tanggal mulai (TTTT-BB-HH)", "", "Start date (YYYY-MM-DD)", ""),
    "new.prompt_oleh": ("Id staf pembuat kasus", "", "Staff id of the case's creator", ""),
    "new.choice_invalid": ("pilihan '{value}' tidak dikenal", "", "choice '{value}' is not known", ""),
    "new.created": (
        "kasus {id} dibuat di {path}: kasus.yaml dan {steps} berkas langkah (SOP {sop} rev. {revisi})",
        "",
        "case {id} created in {path}: kasus.yaml and {steps} step files (SOP {sop} rev. {revisi})",
        "",
    ),
    "new.next": (
        "Berikutnya: lengkapi kasus.yaml (judul, kontak, sasaran), lalu catat tiap langkah: `sop-kit step {id} N`.",
        "",
        "Next: complete kasus.yaml (title, contacts, families), then record each step with `sop-kit step {id} N`.",
        "",
    ),
    "new.git": ("Simpan ke git:", "", "Save to git:", ""),
    "archive.busy": (
        "perintah sop-kit lain sedang menulis arsip ini; setelah {seconds} detik menunggu, tidak ada yang diubah",
        "tunggu perintah itu selesai (di terminal lain, atau di komputer lain pada folder bersama), lalu ulangi; "
        "bila tidak ada yang berjalan, tutup terminal yang macet",
        "another sop-kit command is writing this archive; after waiting {seconds} s, nothing was changed",
        "let that command finish (in another terminal, or on another PC on a shared folder), then run this again; "
        "if none is running, close the terminal that hangs",
    ),
    "record.case_invalid": (
        "kasus.yaml tidak dapat dibaca, jadi langkah tidak dicatat",
        "perbaiki dulu kesalahan yang ditunjukkan `sop-kit check`",
        "kasus.yaml cannot be read, so the step was not recorded",
        "first fix what `sop-kit check` reports",
    ),
    "record.unknown_sop": (
        "kasus mengikuti SOP {nomor} yang tidak ada di arsip",
        "periksa 'sop' di kasus.yaml",
        "the case follows SOP {nomor}, which is not in the archive",
        "check 'sop' in kasus.yaml",
    ),
    "record.unknown_step": (
        "SOP tidak punya langkah {no} (langkah 1–{count})",
        "pilih nomor langkah dari SOP",
        "the SOP has no step {no} (steps 1–{count})",
        "choose a step number of the SOP",
    ),
    "record.no_decision": (
        "langkah {no} bukan langkah keputusan (keputusan ada di langkah {steps})",
        "hapus --keputusan, atau pilih langkah keputusan",
        "step {no} is not a decision step (decisions are at step {steps})",
        "drop --keputusan, or choose the decision step",
    ),
    "record.outside": (
        "berkas ini tautan simbolik atau berada di luar folder kasus; tidak disunting",
        "ganti tautan dengan berkas biasa di dalam folder kasus",
        "this file is a symbolic link or lies outside the case folder; not edited",
        "replace the link with an ordinary file inside the case folder",
    ),
    "record.unreadable_step": (
        "berkas langkah sudah ada tetapi tidak dapat dibaca sebagai catatan langkah",
        "perbaiki kesalahan yang ditunjukkan `sop-kit check`, lalu ulangi",
        "the step file exists but cannot be read as a step record",
        "fix what `sop-kit check` reports, then try again",
    ),
    "record.no_file": (
        "berkas lampiran tidak ada (atau bukan berkas biasa)",
        "periksa jalur berkasnya",
        "the attachment does not exist (or is not an ordinary file)",
        "check the file's path",
    ),
    "record.bad_size": (
        "berkas lampiran kosong atau terlalu besar ({size} byte, batas {limit})",
        "pindai ulang dengan resolusi lebih rendah, atau periksa berkasnya",
        "the attachment is empty or too large ({size} bytes, limit {limit})",
        "scan again at a lower resolution, or check the file",
    ),
    "record.which_kind": (
        "jenis dokumen tidak dapat ditentukan untuk langkah {no}",
        "tambahkan --jenis, salah satu dari: {kinds}",
        "the document kind cannot be told for step {no}",
        "add --jenis, one of: {kinds}",
    ),
    "record.unknown_kind": (
        "SOP tidak mengenal jenis dokumen '{kind}' (wajib di langkah ini: {kinds})",
        "gunakan id jenis dokumen dari SOP",
        "the SOP has no document kind '{kind}' (mandated in this step: {kinds})",
        "use a document kind id from the SOP",
    ),
    "record.wrong_type": (
        "isi berkas adalah {found}, padahal {kind} harus berformat {formats}",
        "lampirkan berkas yang benar; mengganti akhiran nama berkas tidak mengubah isinya",
        "the file's content is {found}, but {kind} must be {formats}",
        "attach the right file; renaming it does not change what it is",
    ),
    "record.unknown_type": (
        "isi berkas tidak dikenali sebagai format apa pun, padahal {kind} harus berformat {formats}",
        "lampirkan hasil pindaian atau foto itu sendiri (mis. cetak ke PDF); berkas rusak atau terpotong saat "
        "disalin juga tidak dikenali: salin ulang",
        "the file's content is not recognised as any format, but {kind} must be {formats}",
        "attach the scan or photo itself (e.g. print to PDF); a file damaged or cut short when copied is not "
        "recognised either: copy it again",
    ),
    "record.phone_photo": (
        "berkas ini foto {found} dari ponsel, padahal {kind} harus berformat {formats}",
        "simpan sebagai JPEG lalu lampirkan berkas JPEG itu: di iPhone, Pengaturan › Kamera › Format › Paling "
        "Kompatibel (untuk foto berikutnya), atau buka fotonya lalu ekspor/simpan sebagai JPEG. sop-kit tidak "
        "mengubah foto sendiri: yang diarsipkan adalah berkas yang Anda lampirkan",
        "this file is a {found} phone photo, but {kind} must be {formats}",
        "save it as JPEG and attach that: on an iPhone, Settings › Camera › Formats › Most Compatible (for new "
        "photos), or open the photo and export/save it as JPEG. sop-kit does not convert photos itself: what is "
        "archived is the file you attach",
    ),
    "record.joint_unknown": (
        "--bersama {id}: tidak ada kasus lain dengan id itu di arsip",
        "sebut id kasus desa lain yang ikut kegiatan bersama ini (sop-kit status, atau nama foldernya)",
        "--bersama {id}: no other case has that id in the archive",
        "name the id of the other desa's case that shared this activity (sop-kit status, or its folder name)",
    ),
    "record.joint_nothing": (
        "--bersama {id}: tidak ada berkas langkah ini yang juga dicatat kasus {id}",
        "lampirkan berkas kegiatan bersama di kedua kasus (sop-kit step KASUS N --lampir BERKAS --bersama {id})",
        "--bersama {id}: no file of this step is also recorded by case {id}",
        "attach the joint activity's file in both cases (sop-kit step CASE N --lampir FILE --bersama {id})",
    ),
    "record.already_attached": (
        "berkas yang sama sudah dilampirkan sebagai {where} (langkah {step})",
        "tidak perlu dilampirkan lagi; bila berbeda, periksa apakah berkasnya benar",
        "the same file is already attached as {where} (step {step})",
        "no need to attach it again; if it should differ, check the file",
    ),
    "record.other_uncommitted": (
        "catatan langkah {no} kasus ini juga belum di-commit: sop-kit step {id} {no} --commit",
        "",
        "step {no} of this case is recorded but not committed either: sop-kit step {id} {no} --commit",
        "",
    ),
    "record.reused": (
        "berkas yang sama sudah ada di kasus ini (dari catatan lain): catatan ini menyebut berkas itu, "
        "tanpa salinan baru",
        "",
        "the case already holds the same file (from another record): this record names it, with no new copy",
        "",
    ),
    "record.not_mapping": (
        "berkas langkah bukan daftar 'kunci: nilai'",
        "perbaiki berkasnya seperti yang ditunjukkan `sop-kit check`",
        "the step file is not a list of 'key: value'",
        "fix the file as `sop-kit check` says",
    ),
    "record.before_prerequisite": (
        "langkah {no} belum dapat dicatat: langkah {pre} putaran {putaran} belum selesai; tidak ada yang ditulis",
        "catat dulu langkah {pre} (sop-kit step KASUS {pre} …), lalu langkah {no}",
        "step {no} cannot be recorded yet: step {pre} of round {putaran} is not complete; nothing was written",
        "record step {pre} first (sop-kit step CASE {pre} …), then step {no}",
    ),
    "record.before_decision": (
        "langkah {no} belum dapat dicatat: langkah {decision} belum diputuskan 'ya'; tidak ada yang ditulis",
        "tunggu keputusan {roles} pada langkah {decision}; bila keputusannya 'tidak', kasus kembali ke langkah "
        "sebelumnya dalam putaran baru (sop-kit status KASUS menyebut langkah berikutnya)",
        "step {no} cannot be recorded yet: step {decision} has not been decided 'ya'; nothing was written",
        "wait for the decision of the {roles} in step {decision}; if it is 'tidak', the case goes back to an earlier "
        "step in a new round (sop-kit status CASE names the next step)",
    ),
    "record.invalid": (
        "hasil suntingan tidak lolos pemeriksaan pada '{field}': {problem}; berkas tidak diubah",
        "periksa nilai yang diberikan (waktu 'TTTT-BB-HH JJ:MM', selesai tidak sebelum mulai)",
        "the edited record fails validation at '{field}': {problem}; the file was not changed",
        "check the values given (times 'YYYY-MM-DD HH:MM', end not before start)",
    ),
    "record.future": (
        "waktu {field} {value} ada di masa depan (sekarang {now}); langkah tidak dicatat",
        "periksa tanggal dan tahunnya: langkah dicatat setelah dikerjakan",
        "the {field} time {value} is in the future (now {now}); step not recorded",
        "check the date and year: a step is recorded once it is done",
    ),
    "record.bad_time": (
        "waktu '{value}' tidak dapat dibaca",
        'tulis waktu sebagai "TTTT-BB-HH JJ:MM" atau "HH-BB-TTTT JJ.MM" (dalam tanda kutip), atau \'sekarang\'',
        "time '{value}' cannot be read",
        'write the time as "YYYY-MM-DD HH:MM" or "DD-MM-YYYY HH.MM" (in quotes), or \'now\'',
    ),
    "record.nothing": (
        "tidak ada yang dicatat",
        "berikan misalnya --mulai, --selesai, --pelaksana, --keputusan atau --lampir (lihat --help); "
        "langkah yang sudah dicatat disimpan ke git dengan --commit saja",
        "nothing to record",
        "give e.g. --mulai, --selesai, --pelaksana, --keputusan or --lampir (see --help); "
        "a step already recorded is saved to git with --commit alone",
    ),
    "record.unchanged": (
        "langkah {no}: git sudah menyimpan catatan ini persis seperti ini; tidak ada commit baru",
        "",
        "step {no}: git already holds this record exactly as it is; no new commit",
        "",
    ),
    "record.approval_unchanged": (
        "persetujuan langkah {no} tidak tercatat: catatan ini sudah persis seperti di commit terakhir (persetujuan "
        "pada menit yang sama), jadi tidak ada commit yang dapat ditandatangani",
        "waktu persetujuan dicatat per menit: jalankan lagi perintah ini setelah menit berganti",
        "the approval of step {no} is not recorded: this record is already exactly as in the last commit (an "
        "approval in the same minute), so there is no commit to sign",
        "approval times are kept to the minute: run this command again once the minute has changed",
    ),
    "record.nothing_pending": (
        "langkah {no} kasus {id} tidak punya perubahan yang belum di-commit",
        "catat dulu langkahnya (mis. --selesai, --lampir); `git status` menunjukkan yang belum di-commit",
        "step {no} of case {id} has no change that is not committed",
        "record the step first (e.g. --selesai, --lampir); `git status` shows what is not committed",
    ),
    "record.pending": (
        "langkah {no}: belum di-commit: {files}",
        "",
        "step {no}: not committed yet: {files}",
        "",
    ),
    "record.changed_by_hand": (
        "langkah {no} putaran {putaran} sudah disetujui di riwayat git, dan berkasnya diubah tanpa koreksi; "
        "tidak di-commit",
        "kembalikan berkasnya (git checkout -- {path}), lalu catat perubahannya sebagai koreksi: "
        'sop-kit step {id} {no} --koreksi "apa yang dikoreksi dan mengapa" beserta nilai barunya',
        "step {no} round {putaran} is approved in git history, and its file was changed without a correction; "
        "not committed",
        "restore the file (git checkout -- {path}), then record the change as a correction: "
        'sop-kit step {id} {no} --koreksi "what is corrected and why" with the new values',
    ),
    "record.no_git": (
        "arsip tidak berada di repositori git, jadi tidak dapat di-commit",
        "jalankan `git init` di folder arsip, atau simpan tanpa --commit",
        "the archive is not in a git repository, so it cannot be committed",
        "run `git init` in the archive's folder, or save without --commit",
    ),
    "record.git_failed": (
        "git {command} gagal: {reason}",
        'berkasnya sudah ditulis; perbaiki sebab di atas, lalu: git commit -S -m "{message}"',
        "git {command} failed: {reason}",
        'the files are written; fix the cause above, then: git commit -S -m "{message}"',
    ),
    "record.sign_failed": (
        "commit tidak dapat ditandatangani: {reason}",
        "atur kunci SSH Anda sekali (README, 'Tanda tangan SSH untuk staf'): git config gpg.format ssh; "
        'git config user.signingkey ~/.ssh/id_ed25519.pub; lalu: git commit -S -m "{message}" '
        "(berkasnya sudah ditulis dan di-stage). Tanpa tanda tangan (--no-sign) persetujuan ini tidak terverifikasi",
        "the commit cannot be signed: {reason}",
        "set up your SSH key once (README, 'Tanda tangan SSH untuk staf'): git config gpg.format ssh; "
        'git config user.signingkey ~/.ssh/id_ed25519.pub; then: git commit -S -m "{message}" '
        "(the files are written and staged). Unsigned (--no-sign), this approval is not verified",
    ),
    "record.done": (
        "langkah {no} (putaran {putaran}) dicatat di {path}: status {status}",
        "",
        "step {no} (round {putaran}) recorded in {path}: status {status}",
        "",
    ),
    "record.created_round": (
        "berkas langkah baru untuk putaran {putaran} dibuat",
        "",
        "a new step file for round {putaran} was written",
        "",
    ),
    "record.attached": (
        "dilampirkan: {path} ({kind}, sha256 {sha})",
        "",
        "attached: {path} ({kind}, sha256 {sha})",
        "",
    ),
    "record.detached": (
        "dilepas: {path} (dari catatan langkah ini dan dari folder kasus)",
        "",
        "detached: {path} (from this step's record and from the case folder)",
        "",
    ),
    "record.detach_unknown": (
        "'{name}' tidak terlampir di langkah ini; lampirannya: {files}",
        "sebut berkasnya seperti di kolom berkas (mis. lampiran/04-surat-rujukan.pdf) atau nama berkasnya saja; "
        "lampiran putaran lain: tambahkan --putaran N",
        "'{name}' is not attached to this step; its attachments: {files}",
        "name the file as in the berkas field (e.g. lampiran/04-surat-rujukan.pdf) or by its file name alone; "
        "another round's attachment: add --putaran N",
    ),
    "record.name_withheld": (
        "nama berkas asalnya memuat data pribadi keluarga, yang akan terbit di situs: disimpan dengan nama jenisnya",
        "",
        "the file's own name holds a family's personal data, which the site would publish: kept under its kind's name",
        "",
    ),
    "record.clean": ("pemeriksaan langkah ini: sesuai SOP", "", "check of this step: as the SOP requires", ""),
    "record.committed": ("disimpan sebagai commit {sha}", "", "saved as commit {sha}", ""),
    # --- sop-kit schema / init (editor validation, a new office's archive)
    "init.schema_written": (
        "{count} skema JSON ditulis ke {path}",
        "",
        "{count} JSON schemas written to {path}",
        "",
    ),
    "init.write_failed": (
        "tidak dapat menulis {path}: {error}",
        "periksa izin folder dan ruang disk",
        "cannot write {path}: {error}",
        "check the folder's permissions and free space",
    ),
    "init.not_empty": (
        "folder {path} tidak kosong; sop-kit init tidak pernah menimpa berkas",
        "pilih folder baru atau folder kosong",
        "folder {path} is not empty; sop-kit init never overwrites files",
        "choose a new or an empty folder",
    ),
    "init.not_a_folder": (
        "{path} sudah ada dan bukan folder",
        "pilih nama folder lain",
        "{path} exists and is not a folder",
        "choose another folder name",
    ),
    "init.sop_missing": (
        "berkas SOP {path} tidak ditemukan",
        "berikan berkas SOP (.yaml) yang ada dengan --sop",
        "SOP file {path} not found",
        "give an existing SOP file (.yaml) with --sop",
    ),
    "init.sop_not_yaml": (
        "berkas SOP {path} harus berakhiran .yaml",
        "sop-kit check hanya membaca records/sop/*.yaml; ganti nama berkasnya",
        "SOP file {path} must end in .yaml",
        "sop-kit check reads records/sop/*.yaml only; rename the file",
    ),
    "init.bad_instansi": (
        "nama instansi harus satu baris teks, 1–4000 karakter",
        'contoh: --instansi "Dinas Sosial Kabupaten Contoh"',
        "the office name must be one line of text, 1–4000 characters",
        'for example: --instansi "Dinas Sosial Kabupaten Contoh"',
    ),
    "init.git_failed": (
        "git init gagal: {error}",
        "pasang git, hapus folder {path}, lalu ulangi sop-kit init",
        "git init failed: {error}",
        "install git, remove the folder {path}, then run sop-kit init again",
    ),
    "init.emblem": (
        "lambang tidak dapat dipakai: {why}",
        "berikan berkas PNG atau JPEG lambang daerah",
        "the emblem cannot be used: {why}",
        "give the regional emblem as a PNG or JPEG file",
    ),
    "init.bad_profile": (
        "profil kantor tidak sah: {field}",
        "periksa isian itu (surel seperti nama@dinas.go.id, laman seperti dinsos.purwakartakab.go.id, kode pos 5 "
        "angka); tidak ada yang dibuat",
        "office profile not valid: {field}",
        "check those answers (e-mail like name@office.go.id, website like dinsos.purwakartakab.go.id, a 5-digit "
        "postcode); nothing was created",
    ),
    "init.no_profile": (
        "Profil kantor belum diisi (tanpa alamat): isi bagian kantor: di sop-kit.yaml sebelum mencetak surat.",
        "",
        "The office profile is not filled in (no address): fill in kantor: in sop-kit.yaml before printing letters.",
        "",
    ),
    "init.prompt_pemerintah": ("Pemerintah daerah", "", "Regional government", ""),
    "init.prompt_dinas": ("Nama dinas", "", "Office name", ""),
    "init.prompt_bidang": ("Bidang (kosongkan bila tidak ada)", "", "Division (empty if none)", ""),
    "init.prompt_alamat": ("Alamat kantor (jalan dan nomor, kota)", "", "Office address (street and number, town)", ""),
    "init.prompt_kota": ("Kota tempat surat ditandatangani", "", "Town letters are signed in", ""),
    "init.prompt_kode_pos": ("Kode pos", "", "Postcode", ""),
    "init.prompt_telepon": ("Telepon kantor", "", "Office phone", ""),
    "init.prompt_email": ("Surel kantor", "", "Office e-mail", ""),
    "init.prompt_laman": ("Laman (https://…)", "", "Website (https://…)", ""),
    "init.prompt_lambang": (
        "Berkas lambang daerah, PNG/JPEG (kosongkan bila belum ada)",
        "",
        "Regional emblem file, PNG/JPEG (empty if none yet)",
        "",
    ),
    "init.prompt_kepala_dinas": ("Jabatan Kepala Dinas di surat", "", "The head's title on letters", ""),
    "init.prompt_kode_unit": (
        "Kode unit di nomor surat (mis. DSP3A)",
        "",
        "Unit code in letter numbers (e.g. DSP3A)",
        "",
    ),
    "init.created": (
        "arsip baru dibuat di {path} (repositori git, cabang main):",
        "",
        "new archive created in {path} (a git repository, branch main):",
        "",
    ),
    "init.next_steps": (
        "Langkah berikutnya:\n"
        "  cd {path}\n"
        "  1. daftarkan staf yang memegang peran SOP, satu perintah per orang (yang pertama: admin staf):\n"
        "       sop-kit staf tambah ID --nama … --nip … --jabatan … --peran pelaksana --mulai TTTT-BB-HH"
        " --kunci-ssh [--admin-staf]\n"
        "     (atau isi records/staf.yaml; contohnya ada di dalamnya)\n"
        "  2. tanda tangan commit dengan kunci SSH:\n"
        "       git config user.signingkey ~/.ssh/id_ed25519.pub\n"
        "       git config gpg.format ssh && git config commit.gpgsign true\n"
        "  3. sop-kit check records --no-trail\n"
        '  4. git add -A && git commit -m "Arsip awal"\n'
        "  5. pre-commit install   (pemeriksaan otomatis sebelum setiap commit)\n"
        "  6. kasus pertama: sop-kit new --root records\n"
        "Semua perintah dijelaskan di README.md.",
        "",
        "Next steps:\n"
        "  cd {path}\n"
        "  1. register the staff who hold SOP roles, one command per person (the first: a staff admin):\n"
        "       sop-kit staf tambah ID --nama … --nip … --jabatan … --peran pelaksana --mulai YYYY-MM-DD"
        " --kunci-ssh [--admin-staf]\n"
        "     (or fill in records/staf.yaml; its example is inside)\n"
        "  2. sign commits with an SSH key:\n"
        "       git config user.signingkey ~/.ssh/id_ed25519.pub\n"
        "       git config gpg.format ssh && git config commit.gpgsign true\n"
        "  3. sop-kit check records --no-trail\n"
        '  4. git add -A && git commit -m "Arsip awal"\n'
        "  5. pre-commit install   (the check runs before every commit)\n"
        "  6. the first case: sop-kit new --root records\n"
        "README.md explains every command.",
        "",
    ),
}
