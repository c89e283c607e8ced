/// A finite double as the shortest decimal digits that read back to it, with the position of
/// the decimal point: the one source every number string is made from, so text, CSV and JSON
/// never disagree and no platform `printf` or locale is involved.
struct DecimalDigits: Equatable {
    /// Whether the value is below zero.
    var negative: Bool
    /// Significant digits 0–9 with no leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// How many digits stand before the decimal point (value = 0.d₁d₂… × 10^point).
    var point: Int

    /// The digits of a finite `value`, taken from Swift's shortest round-trip description.
    init(_ value: Double) {
        precondition(value.isFinite, "DecimalDigits needs a finite value")
        negative = value < 0
        let text = (negative ? -value : value).description  // "12.5", "1e-05", "1.2e+20"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var all: [UInt8] = []
        var before = 0
        var seenPoint = false
        for ch in mantissa {
            if ch == "." { seenPoint = true; continue }
            guard let d = ch.wholeNumberValue else { continue }
            all.append(UInt8(d))
            if !seenPoint { before += 1 }
        }
        var point = before + exponent
        while all.first == 0 { all.removeFirst(); point -= 1 }
        while all.last == 0 { all.removeLast() }
        if all.isEmpty { point = 0; negative = false }
        digits = all
        self.point = point
    }

    /// The digits rounded half away from zero to `decimals` places after the point.
    /// Rounding the shortest digits (not the binary value) means 2.675 rounds to 2.68, as a
    /// person reading "2.675" in the CSV would expect.
    func rounded(decimals: Int) -> DecimalDigits {
        let keep = point + decimals
        guard keep < digits.count else { return self }
        var copy = self
        guard keep >= 0 else { copy.digits = []; copy.point = 0; copy.negative = false; return copy }
        var kept = Array(digits[..<keep])
        if digits[keep] >= 5 {
            var i = kept.count - 1
            while i >= 0 {
                if kept[i] == 9 { kept[i] = 0; i -= 1 } else { kept[i] += 1; break }
            }
            if i < 0 { kept.insert(1, at: 0); copy.point += 1 }
        }
        while kept.last == 0 { kept.removeLast() }
        copy.digits = kept
        if kept.isEmpty { copy.point = 0; copy.negative = false }
        return copy
    }

    /// Plain decimal notation with at least `minDecimals` places (zeros added), no exponent.
    func plain(minDecimals: Int = 0) -> String {
        var intPart = ""
        var fracPart = ""
        if point <= 0 {
            intPart = "0"
            fracPart = String(repeating: "0", count: -point) + digits.map(String.init).joined()
        } else if point >= digits.count {
            intPart = digits.map(String.init).joined() + String(repeating: "0", count: point - digits.count)
        } else {
            intPart = digits[..<point].map(String.init).joined()
            fracPart = digits[point...].map(String.init).joined()
        }
        if intPart.isEmpty { intPart = "0" }
        if fracPart.count < minDecimals {
            fracPart += String(repeating: "0", count: minDecimals - fracPart.count)
        }
        let sign = negative ? "-" : ""
        return fracPart.isEmpty ? sign + intPart : sign + intPart + "." + fracPart
    }

    /// Scientific notation, `1.5e-7`, for magnitudes plain notation would drown in zeros.
    func scientific() -> String {
        let head = digits.map(String.init)
        let mantissa = head.count > 1 ? head[0] + "." + head[1...].joined() : head.first ?? "0"
        return (negative ? "-" : "") + mantissa + "e" + String(point - 1)
    }
}
