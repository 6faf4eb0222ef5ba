import Foundation
import Testing
@testable import DataprocAPI

@Suite("multipart/related uploads, as gcloud and the client libraries send them")
struct MultipartTests {
    @Test("a single-quoted boundary, as gcloud's apitools writes it with %r")
    func singleQuotedBoundary() {
        #expect(StorageAPI.boundary(of: "multipart/related; boundary='===============123=='") == "===============123==")
        #expect(StorageAPI.boundary(of: "multipart/related; boundary=\"abc\"") == "abc")
    }

    @Test("parts separated by bare LF lines (Python's email generator) or CRLF lines", arguments: ["\n", "\r\n"])
    func lineEndings(newline: String) {
        let body = ["--XYZ", "Content-Type: application/json", "", "{\"name\":\"m.py\"}", "--XYZ",
                    "Content-Type: text/x-python", "", "print('hi')\nprint('bye')", "--XYZ--", ""].joined(separator: newline)
        let parts = StorageAPI.multipartParts(Data(body.utf8), boundary: "XYZ")
        #expect(parts.map { String(decoding: $0, as: UTF8.self) } == ["{\"name\":\"m.py\"}", "print('hi')\nprint('bye')"])
    }
}
