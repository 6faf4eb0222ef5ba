import Foundation
import LetterCount
import MapReduce

// `letter-count-streaming map` / `combine` / `reduce`: the job's functions over
// stdin and stdout, for hadoop-streaming.jar.
do {
    try StreamingProgram.main(LetterCount.self)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
