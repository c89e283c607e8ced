// The statistic alone, as R's system.time(fisher.test(...)) measures it: compiled by bench/fisher.sh
// with swiftc -O together with Sources/ArvioStats, so no start-up or table loading is timed.
//   fisher-bench "22,29;33,16"   prints: exact_seconds exact_p is_exact mc_seconds mc_p
import Foundation

@main
struct FisherBench {
    static func main() throws {
        guard CommandLine.arguments.count == 2 else {
            FileHandle.standardError.write("usage: fisher-bench \"a,b;c,d\"\n".data(using: .utf8)!)
            exit(2)
        }
        let counts = CommandLine.arguments[1].split(separator: ";").map { $0.split(separator: ",").map { Int($0)! } }
        let table = try ContingencyTable(counts)
        var start = DispatchTime.now().uptimeNanoseconds
        let exact = try FisherExactTest(table)
        let exactSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // B = 100 000 fixed, as R's simulate.p.value = TRUE, B = 1e5 (no doubling).
        start = DispatchTime.now().uptimeNanoseconds
        let mc = try FisherExactTest(table, workLimit: 0, replicates: 100_000, maximumReplicates: 100_000)
        let mcSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let method = exact.isExact ? "exact" : "mc"
        print(String(format: "%.4f %.6g ", exactSeconds, exact.pValue) + method + String(format: " %.4f %.6g", mcSeconds, mc.pValue))
    }
}
