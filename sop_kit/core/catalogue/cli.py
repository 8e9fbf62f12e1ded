"""Messages of the command line, progress and feedback."""

ENTRIES: dict[str, tuple[str, str, str, str]] = {
    # --- command line
    "cli.summary": (
        "{cases} kasus diperiksa: {errors} galat, {warnings} peringatan, {infos} catatan",
        "",
        "{cases} case(s) checked: {errors} error(s), {warnings} warning(s), {infos} note(s)",
        "",
    ),
    "cli.trail_not_read": (
        "jejak persetujuan tidak dibaca (--no-trail, atau arsip di luar git): tidak ada persetujuan yang "
        "diverifikasi, dan staf.yaml, SOP serta pengaturan dibaca dari salinan kerja, bukan versi yang disahkan; "
        "putusan resmi: sop-kit check tanpa --no-trail",
        "",
        "approval trail not read (--no-trail, or an archive outside git): no approval is verified, and staf.yaml, "
        "the SOPs and the settings are read from the working copy, not the authorised versions; the verdict of "
        "record: sop-kit check without --no-trail",
        "",
    ),
    "cli.clean": ("Semua sesuai SOP.", "", "Everything follows the SOP.", ""),
    "cli.hint": ("saran", "", "hint", ""),
    "cli.usage": ("Penggunaan", "", "Usage", ""),
    "cli.interrupted": (
        "dihentikan (Ctrl+C); jalankan perintahnya lagi untuk menyelesaikan",
        "",
        "stopped (Ctrl+C); run the command again to finish",
        "",
    ),
    "cli.usage_needs_value": ("opsi {option} memerlukan nilai", "", "option {option} needs a value", ""),
    "cli.usage_help": ("Bantuan: '{command} --help'", "", "Help: '{command} --help'", ""),
    "cli.usage_no_such_option": (
        "opsi {option} tidak dikenal (mirip: {suggestions})",
        "",
        "no such option {option} (close: {suggestions})",
        "",
    ),
    "cli.usage_no_such_option_bare": ("opsi {option} tidak dikenal", "", "no such option {option}", ""),
    "cli.usage_missing": ("{name} wajib diisi", "", "{name} is required", ""),
    "cli.usage_bad_value": ("nilai {name} tidak sah: {detail}", "", "invalid value for {name}: {detail}", ""),
    "cli.usage_control_text": (
        "teks {name} berisi karakter kendali {char} (biasanya ikut tersalin dari Word atau WhatsApp); "
        "ketik ulang teksnya tanpa karakter itu",
        "",
        "the text of {name} holds the control character {char} (usually copied along from Word or WhatsApp); "
        "type the text again without it",
        "",
    ),
    "cli.usage_bad_value_typed": (
        "nilai '{value}' untuk {name} tidak sah: {detail}",
        "",
        "invalid value '{value}' for {name}: {detail}",
        "",
    ),
    "cli.path_missing": ("tidak ada", "", "does not exist", ""),
    "cli.path_file": ("itu berkas, bukan folder", "", "it is a file, not a folder", ""),
    "cli.path_folder": ("itu folder, bukan berkas", "", "it is a folder, not a file", ""),
    "cli.path_unreadable": ("tidak dapat dibaca", "", "cannot be read", ""),
    "cli.path_unwritable": ("tidak dapat ditulis", "", "cannot be written", ""),
    "cli.expected_choice": ("pilih salah satu: {choices}", "", "choose one of: {choices}", ""),
    "cli.expected_whole": ("harus bilangan bulat{range}", "", "must be a whole number{range}", ""),
    "cli.usage_extra": ("argumen berlebih: {detail}", "", "unexpected extra argument: {detail}", ""),
    "cli.usage_extra_time": (
        "argumen berlebih: {detail}; jamnya terpisah dari tanggal? Tulis waktu dalam tanda kutip, "
        'mis. --selesai "2026-03-12 10:30"',
        "",
        "unexpected extra argument: {detail}; was the time split from its date? Quote the moment, "
        'e.g. --selesai "2026-03-12 10:30"',
        "",
    ),
    "cli.usage_no_such_command": ("perintah {detail} tidak dikenal", "", "no such command {detail}", ""),
    "cli.usage_no_such_command_near": (
        "perintah {detail} tidak dikenal (mirip: {suggestions})",
        "",
        "no such command {detail} (close: {suggestions})",
        "",
    ),
    "cli.usage_other": ("penggunaan salah: {detail}", "", "wrong usage: {detail}", ""),
    "cli.demo_done": (
        "Arsip demo dibuat di {path}: repositori git tersendiri, {commits} commit, {cases} kasus.",
        "",
        "Demo archive created in {path}: a git repository of its own, {commits} commits, {cases} cases.",
        "",
    ),
    "cli.demo_history": (
        "Setiap kasus diputar ulang dari catatannya: satu commit per langkah, bertanggal waktu langkah itu dan "
        "ditandatangani (SSH) oleh pelaksananya; Kasi dan Kabid menyetujui dengan kunci mereka sendiri.",
        "",
        "Each case is replayed from its records: one commit per step, dated at the step's time and SSH-signed "
        "by the person who did it; the Kasi and the Kabid approve with their own keys.",
        "",
    ),
    "cli.demo_keys": (
        "Kunci SSH {count} staf fiktif ada di {path} — khusus demo, JANGAN PERNAH dipakai untuk tanda tangan "
        "sungguhan.",
        "",
        "The SSH keys of {count} fictional staff are in {path} — demo only, NEVER use them for real signing.",
        "",
    ),
    "cli.demo_planted": ("Kejanggalan yang sengaja ditanam:", "", "Irregularities planted on purpose:", ""),
    "cli.demo_unsigned": (
        "{case} langkah {no}: disetujui tanpa tanda tangan (commit atas nama {author})",
        "",
        "{case} step {no}: approved without a signature (commit in the name of {author})",
        "",
    ),
    "cli.demo_changed_after_approval": (
        "{case} langkah {no}: {path} diganti oleh {author} setelah disetujui, tanpa persetujuan ulang",
        "",
        "{case} step {no}: {path} replaced by {author} after approval, never approved again",
        "",
    ),
    "cli.demo_forged": (
        "{case} langkah {no}: keputusan atas nama {author}, tetapi ditandatangani dengan kunci {signer}",
        "",
        "{case} step {no}: a decision in the name of {author}, but signed with the key of {signer}",
        "",
    ),
    "cli.demo_next": ("Coba berikutnya:", "", "Try next:", ""),
    "cli.demo_next_pdf": (
        "SOP dalam tata letak resmi, berkas pembinaan per kasus (dengan jejak persetujuan) dan surat-suratnya, "
        "PDF/A; data pribadi hanya di folder internal",
        "",
        "the SOP in its official layout, a dossier per case (with its approval trail) and its letters, as "
        "PDF/A; personal data only in the internal folder",
        "",
    ),
    "cli.demo_next_check": (
        "semua kasus berikut jejak persetujuannya; kode keluar 1 karena kejanggalan di atas ditemukan",
        "",
        "every case with its approval trail; exit code 1, because the irregularities above are found",
        "",
    ),
    "cli.demo_next_unsigned": (
        "langkah tanpa tanda tangan: TIDAK TERVERIFIKASI",
        "",
        "the unsigned step: NOT VERIFIED",
        "",
    ),
    "cli.demo_next_changed_after_approval": (
        "SK yang diganti: DIUBAH SETELAH DISETUJUI",
        "",
        "the replaced SK: CHANGED AFTER APPROVAL",
        "",
    ),
    "cli.demo_next_forged": (
        "keputusan palsu: ditandatangani kunci juru catat, bukan kunci Kasi",
        "",
        "the forged decision: signed with a clerk's key, not the Kasi's",
        "",
    ),
    "cli.demo_next_example": (
        "kasus biasa: setiap langkah terverifikasi, ditandatangani pemegang perannya",
        "",
        "an ordinary case: every step verified, signed by its role holder",
        "",
    ),
    "sev.error": ("galat", "", "error", ""),
    "sev.warning": ("peringatan", "", "warning", ""),
    "sev.info": ("catatan", "", "note", ""),
    # --- progress and feedback (bars, --quiet / --verbose)
    # --- the file system said no (issue 15)
    "io.failed": (
        "{path}: tidak dapat ditulis atau dibaca: {reason}",
        "{what}; keluaran sebelumnya tetap utuh",
        "{path}: cannot be written or read: {reason}",
        "{what}; the previous output is intact",
    ),
    "io.failed_no_path": (
        "sistem menolak: {reason}",
        "",
        "the system refused: {reason}",
        "",
    ),
    "io.full": (
        "disk penuh: kosongkan ruang atau pilih folder keluaran (--out) di disk lain, lalu jalankan lagi",
        "",
        "the disk is full: free some space or choose an output folder (--out) on another disk, then run again",
        "",
    ),
    "io.read_only": (
        "folder itu hanya-baca: pilih folder keluaran (--out) yang dapat ditulis",
        "",
        "that folder is read-only: choose an output folder (--out) that can be written",
        "",
    ),
    "io.denied": (
        "izin ditolak: periksa pemilik dan izin folder itu, atau pilih folder keluaran (--out) lain",
        "",
        "permission denied: check that folder's owner and permissions, or choose another output folder (--out)",
        "",
    ),
    "io.other": ("periksa folder itu, lalu jalankan lagi", "", "check that folder, then run again", ""),
}
