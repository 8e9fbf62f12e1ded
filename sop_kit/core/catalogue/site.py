"""Messages of the audit site (sop-kit build / serve)."""

ENTRIES: dict[str, tuple[str, str, str, str]] = {
    "site.lock_waiting": (
        "build lain sedang menerbitkan {path}; menunggu sampai selesai…",
        "",
        "another build is publishing {path}; waiting for it to finish…",
        "",
    ),
    # --- the audit site (sop-kit build / serve)
    "site.locked": (
        "build lain sedang menulis situs {path}",
        "tunggu sampai build itu selesai, lalu jalankan lagi",
        "another build is writing the site {path}",
        "wait for that build to finish, then run again",
    ),
    "site.out_overlaps": (
        "folder situs {path} bertumpang tindih dengan arsip {root}",
        "pilih folder keluaran di luar folder records/, misalnya --out site",
        "the site folder {path} overlaps the archive {root}",
        "choose an output folder outside records/, e.g. --out site",
    ),
    "site.mkdocs_failed": (
        "MkDocs gagal membangun situs: {error}",
        "situs sebelumnya tetap dipakai; jalankan dengan --debug untuk rinciannya",
        "MkDocs failed to build the site: {error}",
        "the previous site stays in place; run with --debug for details",
    ),
    "site.pdf_failed": (
        "{count} dokumen PDF gagal dibuat",
        "situs sebelumnya tetap dipakai; perbaiki templat atau catatannya (lihat sop-kit pdf), "
        "atau bangun dengan --no-pdf",
        "{count} PDF document(s) failed to render",
        "the previous site stays in place; fix the template or record (see sop-kit pdf), or build with --no-pdf",
    ),
    "site.search_failed": (
        "indeks pencarian (Pagefind) tidak dapat dibuat: {error}",
        "situs sebelumnya tetap dipakai; pasang ulang sop-kit (pip install -e .) agar pagefind tersedia",
        "the search index (Pagefind) could not be built: {error}",
        "the previous site stays in place; reinstall sop-kit (pip install -e .) so that pagefind is available",
    ),
    "site.incomplete": (
        "situs yang dibangun tidak lengkap: {count} halaman tidak ada",
        "situs sebelumnya tetap dipakai; jalankan lagi dengan --full",
        "the built site is incomplete: {count} page(s) missing",
        "the previous site stays in place; run again with --full",
    ),
    "site.personal_data": (
        "data pribadi ditemukan di situs publik: {count} nilai, dari catatan ini (berkas:baris: jenis «cuplikan» → "
        "halaman):{places}",
        "situs tidak dipublikasikan; hapus data pribadi itu dari teks bebas catatan (catatan, keterangan, "
        "judul); bila ada di berkas lampiran (isinya atau metadatanya), tandai berkas itu pribadi: true di baris "
        "yang disebut, atau lampirkan salinan tanpa data itu",
        "personal data found in the public site: {count} value(s), from these records (file:line: kind «excerpt» "
        "→ pages):{places}",
        "the site was not published; remove that personal data from the records' free text (catatan, "
        "keterangan, judul); if it is in an attached file (its content or its metadata), mark that file "
        "pribadi: true at the line named, or attach a copy without it",
    ),
    "site.built": (
        "situs {kind} diterbitkan di {path}: {cases} kasus, {pages} halaman ({rendered} berubah{full})",
        "",
        "{kind} site published in {path}: {cases} cases, {pages} pages ({rendered} changed{full})",
        "",
    ),
    "site.stage.check": ("memeriksa arsip…", "", "checking the archive…", ""),
    "site.stage.pdf": ("membuat dokumen PDF…", "", "rendering PDF documents…", ""),
    "site.stage.cases": ("membaca dan menyusun halaman kasus…", "", "reading and rendering case pages…", ""),
    "site.stage.pages": ("menyusun daftar dan dasbor…", "", "generating listings and the dashboard…", ""),
    "site.stage.mkdocs": ("membangun situs (MkDocs)…", "", "building the site (MkDocs)…", ""),
    "site.stage.assets": ("menautkan foto, dokumen dan ekspor…", "", "linking photos, documents and exports…", ""),
    "site.stage.search": ("membuat indeks pencarian…", "", "building the search index…", ""),
    "site.stage.verify": ("memeriksa data pribadi di keluaran…", "", "scanning the output for personal data…", ""),
    "site.stage.publish": ("menerbitkan situs…", "", "publishing the site…", ""),
    "site.kind_public": ("publik", "", "public", ""),
    "site.kind_internal": ("INTERNAL (memuat data pribadi)", "", "INTERNAL (with personal data)", ""),
    "site.full": ("; build penuh", "", "; full build", ""),
    "site.check_summary": (
        "pemeriksaan: {errors} galat, {warnings} peringatan, {infos} catatan — semuanya ada di halaman Temuan",
        "",
        "check: {errors} error(s), {warnings} warning(s), {infos} note(s) — all on the Temuan page",
        "",
    ),
    "site.serving": (
        "melayani {path} di {url} (Ctrl+C untuk berhenti)",
        "",
        "serving {path} at {url} (Ctrl+C to stop)",
        "",
    ),
    "site.watching": (
        "mengawasi {path}: situs dibangun ulang setiap kali arsip berubah (Ctrl+C untuk berhenti)",
        "",
        "watching {path}: the site is built again whenever the archive changes (Ctrl+C to stop)",
        "",
    ),
    "site.watch_polling": (
        "sistem tidak dapat mengawasi sebanyak ini folder; arsip diperiksa ulang setiap {seconds} detik (admin "
        "dapat menaikkan batasnya: sudo sysctl fs.inotify.max_user_watches=524288)",
        "",
        "the system cannot watch this many folders; the archive is looked at again every {seconds} s (an "
        "administrator can raise the limit: sudo sysctl fs.inotify.max_user_watches=524288)",
        "",
    ),
    "site.watch_stopped": (
        "berhenti mengawasi; situs terakhir tetap di {path}",
        "",
        "stopped watching; the last site stays in {path}",
        "",
    ),
    "site.watch_recheck": (
        "{time} pemeriksaan berkala: ada perubahan yang tidak diberitahukan sistem, kini ikut diterbitkan",
        "",
        "{time} periodic rebuild: changes the system did not tell of are now published",
        "",
    ),
    "site.watch_changed": ("{time} berubah: {paths}", "", "{time} changed: {paths}", ""),
    "site.watch_more": (" dan {count} berkas lain", "", " and {count} more file(s)", ""),
    "site.watch_took": ("(dalam {seconds} detik)", "", "(in {seconds} s)", ""),
    "site.watch_failed": (
        "situs tidak diperbarui; situs sebelumnya tetap diterbitkan. Perbaiki yang disebut di atas dan simpan: "
        "situs dibangun ulang",
        "",
        "the site was not updated; the previous site stays published. Mend what is named above and save: the "
        "site is built again",
        "",
    ),
    "site.out_foreign": (
        "{path} sudah berisi berkas lain, bukan situs yang dibangun sop-kit; tidak ada yang diubah",
        "pilih folder baru atau kosong untuk situs, mis. --out site: sop-kit hanya mengganti situs yang dulu "
        "dibangunnya sendiri",
        "{path} already holds other files, not a site sop-kit built; nothing was changed",
        "choose a new or empty folder for the site, e.g. --out site: sop-kit only replaces a site it built itself",
    ),
    "site.personal_in_public": (
        "{path} ada di dalam situs publik {site}; berkas yang memuat data pribadi (dokumen internal, bag) tidak "
        "ditulis di sana",
        "tulis ke folder yang tidak diterbitkan, mis. --internal internal atau --out di luar situs",
        "{path} is inside the public site {site}; files holding personal data (internal documents, a bag) are "
        "not written there",
        "write to a folder that is not published, e.g. --internal internal, or --out outside the site",
    ),
    "site.internal_over_public": (
        "{path} berisi situs publik; situs internal (memuat data pribadi) tidak dibangun di atasnya",
        "bangun situs internal di foldernya sendiri (bawaan: --internal --out site-internal), yang tidak "
        "diterbitkan ke umum",
        "{path} holds the public site; the internal site (with personal data) is not built over it",
        "build the internal site in its own folder (default: --internal --out site-internal), one that is not "
        "published to everyone",
    ),
    "site.port_in_use": (
        "port {port} sudah dipakai program lain (mungkin sop-kit serve yang masih berjalan)",
        "pakai port lain: --port {next}; atau tutup jendela serve yang lama (Ctrl+C)",
        "port {port} is already in use by another program (perhaps a sop-kit serve still running)",
        "use another port: --port {next}; or close the old serve window (Ctrl+C)",
    ),
    "site.no_site": (
        "belum ada situs di {path}",
        "jalankan dulu: sop-kit build",
        "there is no site in {path} yet",
        "run first: sop-kit build",
    ),
    # --- hostile archive content (issue 15)
    "pdf.template_unsafe": (
        "{path}: templat mencoba keluar dari sandbox-nya ({error}); tidak ada perintah yang dijalankan",
        "templat arsip hanya boleh memakai nilai dokumen itu sendiri (lihat templates/README.md): hapus ungkapan "
        "di baris itu; dokumen dan situs sebelumnya tetap seperti semula",
        "{path}: the template tried to leave its sandbox ({error}); no command was run",
        "an archive template may use only the document's own values (see templates/README.md): remove the "
        "expression on that line; the previous document and site stay as they were",
    ),
    "pdf.template_failed": (
        "{path}: templat tidak dapat dipakai ({error})",
        "perbaiki templat di baris itu, atau hapus berkasnya agar templat bawaan dipakai; dokumen dan situs "
        "sebelumnya tetap seperti semula",
        "{path}: the template cannot be used ({error})",
        "fix the template on that line, or remove the file to use the shipped one; the previous document and "
        "site stay as they were",
    ),
    "pdf.personal_data": (
        "{path}: data pribadi ({what}) di dokumen publik: {excerpt}; dokumen tidak ditulis",
        "hapus data pribadi itu dari teks bebas catatan di baris itu, atau dari templat yang mencetaknya; "
        "dokumen dan situs sebelumnya tetap seperti semula",
        "{path}: personal data ({what}) in a public document: {excerpt}; the document was not written",
        "remove that personal data from the record's free text on that line, or from the template that prints it; "
        "the previous document and site stay as they were",
    ),
    "site.setting_not_allowed": (
        "'{field}' tidak boleh diatur di mkdocs.yml arsip; situs tidak dibangun",
        "sop-kit mengatur sendiri sisa konfigurasi (plugin, ekstensi, skrip, folder, navigasi) agar tidak ada "
        "yang memuat berkas atau skrip dari luar; yang boleh di tingkat ini: {allowed}",
        "'{field}' may not be set in the archive's mkdocs.yml; the site was not built",
        "sop-kit sets the rest of the configuration itself (plugins, extensions, scripts, folders, navigation) so "
        "that nothing loads files or scripts from outside; allowed at this level: {allowed}",
    ),
    "site.setting_refused": (
        "nilai '{field}' di mkdocs.yml ditolak: {value}; situs tidak dibangun",
        "tautan harus diawali http:// atau https://; logo dan favicon berkas PNG/JPEG di templates/ (mis. "
        "templates/logo.png); ikon nama ikon Material (mis. material/library)",
        "the value of '{field}' in mkdocs.yml is refused: {value}; the site was not built",
        "links must start with http:// or https://; logo and favicon are PNG/JPEG files in templates/ (e.g. "
        "templates/logo.png); icons are Material icon names (e.g. material/library)",
    ),
    "site.analytics_refused": (
        "mkdocs.yml menambahkan skrip analitik pihak ketiga (extra.analytics); situs tidak dibangun",
        "situs ini tentang keluarga rentan: skrip pihak ketiga hanya boleh bila sop-kit.yaml menyatakan "
        "analitik_pihak_ketiga: true (perubahan yang ditandatangani pemegang admin_arsip); atau hapus extra.analytics",
        "mkdocs.yml adds a third-party analytics script (extra.analytics); the site was not built",
        "this site is about vulnerable families: a third-party script is allowed only where sop-kit.yaml says "
        "analitik_pihak_ketiga: true (a change signed by an admin_arsip holder); or remove extra.analytics",
    ),
    "site.unknown_icon": (
        "ikon '{icon}' tidak ada di Material for MkDocs; situs tidak dibangun",
        "pakai nama ikon yang ada, mis. material/library (lihat daftar ikon Material)",
        "there is no icon '{icon}' in Material for MkDocs; the site was not built",
        "use an icon that exists, e.g. material/library (see Material's icon list)",
    ),
    "site.image_missing": (
        "gambar {path} yang disebut mkdocs.yml tidak ada di versi templates/ yang berlaku; situs tidak dibangun",
        "tambahkan berkas itu ke templates/ dengan commit bertanda tangan pemegang admin_arsip, atau hapus kuncinya",
        "the image {path} named in mkdocs.yml is not in the templates/ in force; the site was not built",
        "add that file to templates/ in a commit signed by an admin_arsip holder, or remove the key",
    ),
    "site.image_refused": (
        "gambar {path} ditolak: hanya PNG atau JPEG sampai {limit} KiB; situs tidak dibangun",
        "simpan logo sebagai PNG atau JPEG kecil (SVG dapat memuat skrip)",
        "the image {path} is refused: only PNG or JPEG up to {limit} KiB; the site was not built",
        "save the logo as a small PNG or JPEG (an SVG can carry script)",
    ),
}
