import Pipeline
import Testing

/// Pipeline files: relative paths, defaults, and errors that name the file and the key.
@Suite struct PipelineFileTests {
    @Test func relativePathsResolveAgainstThePipelineFolder() throws {
        let file = try PipelineFile(toml: "input = \"../samples\"\noutput = \"../out/x\"", source: "/repo/pipelines/x.toml", baseDirectory: "/repo/pipelines")
        #expect(file.inputs == ["/repo/samples"])
        #expect(file.work == "/repo/work/x")
        #expect(file.output == "/repo/out/x")
        #expect(file.labels == ["/repo/pipelines/labels.toml"])
        #expect(file.formats == [.csv])
        #expect(file.jobs == 0)
        #expect(file.name == "x")
    }

    @Test func theToolTimeoutIsAKeyInSecondsFromOneToADay() throws {
        #expect(try PipelineFile(toml: "input = \"a\"\noutput = \"b\"", source: "p.toml", baseDirectory: "/").toolTimeoutSeconds == 120)
        #expect(try PipelineFile(toml: "input = \"a\"\noutput = \"b\"\ntool_timeout_seconds = 5", source: "p.toml", baseDirectory: "/").toolTimeoutSeconds == 5)
        #expect {
            try PipelineFile(toml: "input = \"a\"\noutput = \"b\"\ntool_timeout_seconds = 0", source: "p.toml", baseDirectory: "/")
        } throws: { error in
            String(describing: error).contains("\"tool_timeout_seconds\" must be a whole number from 1 to 86400")
        }
    }

    @Test func theCSVByteOrderMarkIsOffUnlessAsked() throws {
        #expect(try PipelineFile(toml: "input = \"a\"\noutput = \"b\"", source: "p.toml", baseDirectory: "/").csvBOM == false)
        #expect(try PipelineFile(toml: "input = \"a\"\noutput = \"b\"\ncsv_bom = true", source: "p.toml", baseDirectory: "/").csvBOM == true)
        #expect {
            try PipelineFile(toml: "input = \"a\"\noutput = \"b\"\ncsv_bom = \"yes\"", source: "p.toml", baseDirectory: "/")
        } throws: { error in
            String(describing: error).contains("\"csv_bom\" must be true or false")
        }
    }

    @Test func thePartitionColumnStaysInFilesOnlyWithPartitions() throws {
        let base = "input = \"a\"\noutput = \"b\"\n"
        #expect(try PipelineFile(toml: base, source: "p.toml", baseDirectory: "/").partitionColumnInFiles == false)
        let kept = try PipelineFile(toml: base + "partition_by = \"report_year\"\npartition_column_in_files = true", source: "p.toml", baseDirectory: "/")
        #expect(kept.partitionColumnInFiles && kept.partitionBy == .reportYear)
        #expect {
            try PipelineFile(toml: base + "partition_column_in_files = true", source: "p.toml", baseDirectory: "/")
        } throws: { error in
            String(describing: error).contains("p.toml: \"partition_column_in_files\" = true needs \"partition_by\" = \"report_year\"")
        }
    }

    @Test func anUnknownKeyIsNamed() {
        #expect {
            try PipelineFile(toml: "input = \"a\"\noutput = \"b\"\nouptut = \"c\"", source: "p.toml", baseDirectory: "/")
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix("p.toml:") && text.contains("\"ouptut\"")
        }
    }

    @Test func aWrongTypeSaysWhatWasExpected() {
        #expect {
            try PipelineFile(toml: "input = \"a\"\noutput = \"b\"\njobs = \"many\"", source: "p.toml", baseDirectory: "/")
        } throws: { error in
            String(describing: error).contains("\"jobs\" must be a whole number")
        }
    }

    @Test func anUnknownFormatIsNamed() throws {
        #expect {
            try PipelineFile(toml: "input = \"a\"\noutput = \"b\"\nformats = [\"xls\"]", source: "p.toml", baseDirectory: "/")
        } throws: { error in
            String(describing: error).contains(#""formats" has "xls"; expected any of: parquet, csv, csv.zst, xlsx"#)
        }
        #expect(try PipelineFile(toml: "input = \"a\"\noutput = \"b\"\nformats = [\"xlsx\"]", source: "p.toml", baseDirectory: "/").formats == [.xlsx])
    }

    @Test func aMissingInputIsNamed() {
        #expect {
            try PipelineFile(toml: "output = \"b\"", source: "p.toml", baseDirectory: "/")
        } throws: { error in
            String(describing: error).contains("missing key \"input\"")
        }
    }
}
