import ArgumentParser
import Testing

@Suite struct JobsCommandTests {
    @Test func listsTheLibraryByHadoopExamplesNameAndHowToRunOne() async {
        let result = await CommandResult.miniproc("jobs")
        #expect(result.exitCode == .success)
        #expect(result.error == "")
        #expect(result.output == """
            Valid program names are:
              wordcount         A map/reduce program that counts the words in the input files.
              wordmean          A map/reduce program that counts the average length of the words in the input files.
              grep              A map/reduce program that counts the matches of a regex in the input.
              invertedindex     A map/reduce program that lists, for every word, the files it occurs in.
              teragen           Generate data for the terasort
              terasort          Run the terasort
              teravalidate      Checking results of terasort
              pi                A map/reduce program that estimates Pi using a quasi-Monte Carlo method.
              randomtextwriter  A map/reduce program that writes 10GB of random textual data per node.

            Run one with: miniproc run PROGRAM ARGS...   (e.g. miniproc run wordcount samples out/wordcount)

            """)
    }
}
