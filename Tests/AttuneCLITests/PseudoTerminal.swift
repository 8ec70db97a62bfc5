import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real binary on a pseudo-terminal, so readline, Ctrl-C, Ctrl-D and Tab behave as they
/// do for a person at a keyboard. Every read has a deadline.
final class PseudoTerminal {
    let pid: pid_t
    private var controller: Int32
    private(set) var screen = ""

    /// `columns`: the window's width, as a terminal reports it (nil: the pty's default, 0).
    init(arguments: [String], environment: [String: String], columns: UInt16? = nil) throws {
        var controller: Int32 = 0
        var device: Int32 = 0
        var size = winsize(ws_row: 40, ws_col: columns ?? 0, ws_xpixel: 0, ws_ypixel: 0)
        let opened = columns == nil ? openpty(&controller, &device, nil, nil, nil) : openpty(&controller, &device, nil, nil, &size)
        guard opened == 0 else { throw POSIXError(.EIO) }
        self.controller = controller
        let deviceName = String(cString: ttyname(device))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target: Int32 in 0...2 { posix_spawn_file_actions_addopen(&actions, target, deviceName, O_RDWR, 0) }
        posix_spawn_file_actions_addclose(&actions, controller)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (0x80) makes the pty the controlling terminal, so Ctrl-C is SIGINT;
        // an empty signal mask and default handlers undo what the test runner blocked.
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(0x80 | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "dumb"
        env["INPUTRC"] = "/dev/null"
        env.removeValue(forKey: "NO_COLOR")
        env["XDG_CACHE_HOME"] = Attune.temporaryFolder("cache")
        for (key, value) in environment { env[key] = value }
        let argv = ([Attune.binary] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, Attune.binary, &actions, &attributes, argv, envp)
        close(device)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        pid = child
    }

    /// Types `text` (use "\r" for Enter, "\u{03}" for Ctrl-C, "\u{04}" for Ctrl-D, "\t" for Tab).
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
    }

    /// Reads until `text` has appeared on the screen since `from`, or the deadline passes.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if screen.contains(text) { return true }
            readAvailable(waitMilliseconds: 100)
        }
        return screen.contains(text)
    }

    /// Forgets what was shown so far, so the next wait sees only new output.
    func clearScreen() {
        screen = ""
    }

    private func readAvailable(waitMilliseconds: Int32) {
        var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, waitMilliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
        if count > 0 { screen += String(decoding: buffer[0..<count], as: UTF8.self) }
    }

    /// Waits for the child to exit; returns its exit status, or 128 + signal.
    func waitForExit(timeout: TimeInterval = 20) -> Int32? {
        let end = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < end {
            readAvailable(waitMilliseconds: 20)
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                if status & 0x7F == 0 { return (status >> 8) & 0xFF }
                return 128 + (status & 0x7F)
            }
        }
        kill(pid, SIGKILL)
        return nil
    }

    func signal(_ number: Int32) {
        kill(pid, number)
    }

    /// Waits for `prompt`, then for each step empties the screen, types the input and waits
    /// for what it should bring up, so only what follows each input counts. False at the first
    /// that does not appear.
    func converse(after prompt: String = "Alex› ", _ steps: KeyValuePairs<String, String>) -> Bool {
        guard waitFor(prompt) else { return false }
        for (input, shows) in steps {
            clearScreen()
            type(input)
            guard waitFor(shows) else { return false }
        }
        return true
    }

    /// Types `/quit` and returns how the coach exited.
    func quit() -> Int32? {
        type("/quit\r")
        return waitForExit()
    }

    /// Closes the terminal's controller side, as a closed window or a dropped ssh link does:
    /// the kernel hangs up the terminal and sends SIGHUP to the session.
    func hangUp() {
        close(controller)
        controller = -1
    }

    deinit {
        if controller >= 0 { close(controller) }
    }
}
