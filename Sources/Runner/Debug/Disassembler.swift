// A readable listing of compiled code, in the spirit of clox's `debug.c` and CPython's `dis`:
// one instruction per line with its source line, offset, opcode and resolved operand; nested
// code objects (functions, classes, comprehensions) follow their parent.
import Analyzer

enum Disassembler {
    static func disassemble(_ code: CodeObject) -> String {
        var out = ""
        var pending = [code]
        while !pending.isEmpty {
            let c = pending.removeFirst()
            out += "Disassembly of <code object \(c.qualname), line \(c.firstLine)>:\n"
            var lastLine = -1
            for (i, ins) in c.code.enumerated() {
                let line = c.line(at: i)
                let lineText = line == lastLine ? "    " : String(line).leftPadded(4)
                lastLine = line
                out += "\(lineText) \(String(i).leftPadded(5)) \(String(describing: ins.op).padding(18))\(operand(ins, c))\n"
            }
            for case .object(let o) in c.constants {
                if let nested = o as? CodeObject { pending.append(nested) }
            }
            out += "\n"
        }
        return out
    }

    private static func operand(_ ins: Instruction, _ c: CodeObject) -> String {
        let a = Int(ins.arg)
        switch ins.op {
        case .loadConst:
            guard a < c.constants.count else { return "\(a)" }
            switch c.constants[a] {
            case .object(let o as CodeObject): return "\(a) (<code \(o.qualname)>)"
            case .object(let s as PyStr): return "\(a) (\(s.value.debugDescription))"
            case .int(let i): return "\(a) (\(i))"
            case .float(let d): return "\(a) (\(FloatRepr.repr(d)))"
            case .none: return "\(a) (None)"
            case .bool(let b): return "\(a) (\(b ? "True" : "False"))"
            default: return "\(a)"
            }
        case .loadFast, .storeFast, .deleteFast:
            return a < c.varnames.count ? "\(a) (\(c.varnames[a]))" : "\(a)"
        case .loadDeref, .storeDeref, .deleteDeref, .loadClosure:
            let cells = c.cellvars + c.freevars
            return a < cells.count ? "\(a) (\(cells[a]))" : "\(a)"
        case .loadAttr, .storeAttr, .deleteAttr, .loadMethod, .loadName, .storeName, .deleteName, .importName, .importFrom, .storeAnnotation:
            return a < c.names.count ? "\(a) (\(c.names[a]))" : "\(a)"
        case .binaryOp, .inplaceOp:
            return a < binaryOperators.count ? "\(a) (\(binaryOperators[a].symbol))" : "\(a)"
        case .compareOp:
            return a < compareOperators.count ? "\(a) (\(compareOperators[a].symbol))" : "\(a)"
        case .jump, .popJumpIfFalse, .popJumpIfTrue, .jumpIfFalseOrPop, .jumpIfTrueOrPop, .popJumpIfNone,
             .forIter, .setupFinally, .setupCleanup, .send:
            return "to \(a)"
        default:
            return ins.arg == 0 ? "" : "\(a)"
        }
    }
}

private extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
    func padding(_ n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
}
