#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal's width, asked each time (the window may have been resized).
public enum TerminalSize {
    /// The columns of the terminal on `descriptor`, or nil when it is not a terminal or
    /// does not say.
    public static func columns(of descriptor: Int32 = 1) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
