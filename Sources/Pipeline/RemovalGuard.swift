/// The nightly run's safety guard: an input folder that lost most of its files since the last run
/// is more often an unmounted share or a wrong path than a wish, and a run that went on would
/// empty the datasets and forget every stored result. Such a run stops before changing anything.
struct RemovalGuard {
    /// The largest share of the known inputs a run may remove (`max_removed_share`).
    let maxShare: Double
    /// `--allow-removals`: the user means it.
    let allowed: Bool

    /// Stops a run that would remove more than `maxShare` of the `known` inputs of the last run,
    /// or every one of them (whatever the share: an empty folder is the case this guard is for).
    func check(removed: Int, known: Int, folders: [String]) throws {
        guard !allowed, known > 0, removed > 0 else { return }
        let share = Double(removed) / Double(known)
        guard share > maxShare || removed == known else { return }
        let percent = Int((share * 100).rounded())
        throw PipelineError.refused("""
            \(folders.joined(separator: ", ")): \(known - removed) of the \(known) input(s) of the last run are still there; \
            this run would remove \(removed) (\(percent)%; the limit is max_removed_share \(maxShare)\(removed == known ? ", and all is never allowed without asking" : "")) and their rows from the datasets. \
            Nothing was changed. If the folder is an unmounted share or a wrong path, fix that; if the files were removed \
            on purpose, run again with --allow-removals.
            """)
    }

    /// Stops a run whose input folders hold no input at all, even with no last run to compare with
    /// (a first run, a new work folder, another folder): it would write empty datasets over the
    /// output folder's, and an empty folder is most often an unmounted share or a wrong path.
    func checkFound(_ inputs: Int, folders: [String]) throws {
        guard !allowed, inputs == 0 else { return }
        throw PipelineError.refused("""
            \(folders.joined(separator: ", ")): no input files found, so this run would leave the datasets empty. \
            Nothing was changed. If the folder is an unmounted share or a wrong path, fix that; to write empty \
            datasets on purpose, run again with --allow-removals.
            """)
    }

    /// Stops `transform` or `load` on a work folder with no stored results: loading it would write
    /// empty datasets over the real ones, and it is most often a mistyped `--work`.
    func checkHasResults(_ manifest: Manifest, work: String, exists: Bool) throws {
        guard !allowed, manifest.entries.isEmpty else { return }
        throw PipelineError.refused("""
            \(work): the work folder \(exists ? "holds no stored results" : "does not exist"); loading it would leave the datasets empty. \
            Nothing was changed. Check --work (or the pipeline's "work"), or run `run` first; to write empty datasets on purpose, \
            run again with --allow-removals.
            """)
    }
}
