import CLibgit2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// libgit2 1.5 has no network timeout (GIT_OPT_SET_SERVER_TIMEOUT came in 1.7): a server that
// accepts a connection and never answers holds a fetch forever. Steer registers its own
// standard socket stream instead: its connect is non-blocking with a deadline, its sockets have
// SO_RCVTIMEO and SO_SNDTIMEO, so every read and write waits at most the timeout. libgit2 1.5.1
// builds its TLS streams (mbedTLS, OpenSSL) and the git:// transport on the registered standard
// stream (`git_socket_stream_new`, src/libgit2/streams/socket.c), so https is covered too. This
// is simpler than a watchdog process per member: no second executable, no results to ship back,
// and the cause of a failure (refused, timed out) is known where it happens.

/// Why a fetch could not reach or read a repository, when Steer can tell.
public enum FetchFailure: Error, Sendable, Hashable {
  /// The host's name does not resolve.
  case unknownHost(String)
  case connectionRefused
  /// No answer within the timeout, in seconds.
  case timedOut(seconds: Int)
  /// No route to the host or its network.
  case unreachable
  /// The server closed the connection midway.
  case connectionLost
  /// No repository at that URL.
  case notFound
  /// The server asks for credentials, which Steer never gives.
  case authenticationRequired
  /// The TLS handshake or the server's certificate failed.
  case secureConnection
}

/// The limits of the fetch running on this thread, and what its connections ran into: libgit2
/// calls a stream's constructor with a host and a port only, on the thread that fetches.
final class ConnectionWatch {
  let timeout: Int
  var failure: FetchFailure?

  init(timeout: Int) { self.timeout = timeout }
}

/// The thread's `ConnectionWatch`, unretained (the fetch that set it keeps it alive).
private let watchKey: pthread_key_t = {
  var key = pthread_key_t()
  precondition(pthread_key_create(&key, nil) == 0, "no thread-specific key left")
  return key
}()

/// Registered once, on the first fetch, for the whole process (only fetches use the network).
private let isRegistered: Bool = {
  var registration = git_stream_registration()
  registration.version = GIT_STREAM_VERSION
  registration.`init` = { out, host, port in openSocketStream(out, host, port) }
  return git_stream_register(GIT_STREAM_STANDARD, &registration) == 0
}()

/// A timeout for a stream opened outside `watchingConnections` (none is, today).
private let defaultTimeout = 60

extension Repository {
  /// Runs `body`, whose connections give up after `timeout` seconds without progress; a
  /// failure they ran into is the error's `failure`.
  static func watchingConnections<Value>(timeout: Int, _ body: () throws(GitError) -> Value) throws(GitError)
    -> Value
  {
    guard isRegistered else { throw GitError(code: -1, operation: "registering Steer's socket stream") }
    let watch = ConnectionWatch(timeout: max(1, timeout))
    let retained = Unmanaged.passRetained(watch)
    pthread_setspecific(watchKey, retained.toOpaque())
    defer {
      pthread_setspecific(watchKey, nil)
      retained.release()
    }
    do {
      return try body()
    } catch {
      var error = error
      error.failure = watch.failure ?? error.recognisedFailure
      throw error
    }
  }
}

private var currentWatch: ConnectionWatch? {
  pthread_getspecific(watchKey).map { Unmanaged<ConnectionWatch>.fromOpaque($0).takeUnretainedValue() }
}

/// Records `failure` for the fetch and sets libgit2's error, which its caller reads.
private func fail(_ failure: FetchFailure, _ message: String) -> Int32 {
  currentWatch?.failure = failure
  git_error_set_str(Int32(GIT_ERROR_NET.rawValue), message)
  return -1
}

private func socketStream(_ stream: UnsafeMutablePointer<git_stream>?) -> UnsafeMutablePointer<steer_socket_stream> {
  UnsafeMutableRawPointer(stream!).assumingMemoryBound(to: steer_socket_stream.self)
}

private func openSocketStream(
  _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_stream>?>?, _ host: UnsafePointer<CChar>?,
  _ port: UnsafePointer<CChar>?
) -> Int32 {
  guard let out, let host, let port else { return -1 }
  let stream = UnsafeMutablePointer<steer_socket_stream>.allocate(capacity: 1)
  stream.initialize(to: steer_socket_stream())
  stream.pointee.parent.version = GIT_STREAM_VERSION
  stream.pointee.parent.connect = { connectSocket(socketStream($0)) }
  stream.pointee.parent.read = { stream, buffer, length in readSocket(socketStream(stream), buffer, length) }
  stream.pointee.parent.write = { stream, data, length, _ in writeSocket(socketStream(stream), data, length) }
  stream.pointee.parent.close = { stream in
    let socket = socketStream(stream)
    if socket.pointee.socket >= 0 { _ = close(socket.pointee.socket) }
    socket.pointee.socket = -1
    return 0
  }
  stream.pointee.parent.free = { stream in
    let socket = socketStream(stream)
    free(socket.pointee.host)
    free(socket.pointee.port)
    socket.deinitialize(count: 1)
    socket.deallocate()
  }
  stream.pointee.socket = -1
  stream.pointee.timeout_ms = Int32(min(currentWatch?.timeout ?? defaultTimeout, Int(Int32.max / 1000)) * 1000)
  stream.pointee.host = strdup(host)
  stream.pointee.port = strdup(port)
  out.pointee = UnsafeMutableRawPointer(stream).assumingMemoryBound(to: git_stream.self)
  return 0
}

#if canImport(Glibc)
  private let streamSocketType = Int32(SOCK_STREAM.rawValue)
#else
  private let streamSocketType = SOCK_STREAM
#endif

/// Connects to the first of the host's addresses that answers, all within the timeout.
private func connectSocket(_ stream: UnsafeMutablePointer<steer_socket_stream>) -> Int32 {
  let host = String(cString: stream.pointee.host)
  let timeout = Duration.milliseconds(stream.pointee.timeout_ms)
  var hints = addrinfo()
  hints.ai_family = AF_UNSPEC
  hints.ai_socktype = streamSocketType
  var addresses: UnsafeMutablePointer<addrinfo>?
  guard getaddrinfo(stream.pointee.host, stream.pointee.port, &hints, &addresses) == 0 else {
    return fail(.unknownHost(host), "could not resolve the host \(host)")
  }
  defer { freeaddrinfo(addresses) }
  let deadline = ContinuousClock.now + timeout
  var failure = FetchFailure.unreachable
  var next = addresses
  while let address = next {
    next = address.pointee.ai_next
    let remaining = deadline - ContinuousClock.now
    guard remaining > .zero else {
      failure = .timedOut(seconds: Int(timeout.components.seconds))
      break
    }
    switch connectOne(address.pointee, within: remaining, timeout: timeout) {
    case .success(let socket):
      stream.pointee.socket = socket
      return 0
    case .failure(let reason): failure = reason
    }
  }
  return fail(failure, "could not connect to \(host): \(failure)")
}

/// A socket connected to `address` within `remaining`, blocking again, whose reads and writes
/// wait at most `timeout`.
private func connectOne(_ address: addrinfo, within remaining: Duration, timeout: Duration) -> Result<
  Int32, FetchFailure
> {
  let socket = socket(address.ai_family, address.ai_socktype, address.ai_protocol)
  guard socket >= 0 else { return .failure(.unreachable) }
  let flags = fcntl(socket, F_GETFL)
  guard flags >= 0, fcntl(socket, F_SETFL, flags | O_NONBLOCK) == 0 else {
    _ = close(socket)
    return .failure(.unreachable)
  }
  var code: Int32 = connect(socket, address.ai_addr, address.ai_addrlen) == 0 ? 0 : errno
  if code == EINPROGRESS {
    var poller = pollfd(fd: socket, events: Int16(POLLOUT), revents: 0)
    let milliseconds = Int32(
      remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000)
    var ready: Int32
    repeat { ready = poll(&poller, 1, max(1, milliseconds)) } while ready < 0 && errno == EINTR
    if ready == 0 {
      code = ETIMEDOUT
    } else {
      var length = socklen_t(MemoryLayout<Int32>.size)
      code = 0
      if getsockopt(socket, SOL_SOCKET, SO_ERROR, &code, &length) != 0 { code = errno }
    }
  }
  guard code == 0, fcntl(socket, F_SETFL, flags) == 0, limit(socket, to: timeout) else {
    _ = close(socket)
    switch code {
    case ECONNREFUSED: return .failure(.connectionRefused)
    case ETIMEDOUT: return .failure(.timedOut(seconds: Int(timeout.components.seconds)))
    default: return .failure(.unreachable)
    }
  }
  return .success(socket)
}

/// Gives `socket`'s reads and writes `timeout` to progress, and no SIGPIPE where the platform
/// sets it per socket.
private func limit(_ socket: Int32, to timeout: Duration) -> Bool {
  var time = timeval()
  time.tv_sec = .init(timeout.components.seconds)
  let length = socklen_t(MemoryLayout<timeval>.size)
  var set =
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, length) == 0
    && setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &time, length) == 0
  #if canImport(Darwin)
    var one: Int32 = 1
    set = set && setsockopt(socket, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size)) == 0
  #endif
  return set
}

/// What a failed read or write says, by its `errno`.
private func transferFailure(_ code: Int32, _ stream: UnsafeMutablePointer<steer_socket_stream>) -> Int {
  let failure: FetchFailure =
    code == EAGAIN || code == EWOULDBLOCK
    ? .timedOut(seconds: Int(stream.pointee.timeout_ms / 1000)) : .connectionLost
  return Int(fail(failure, "\(String(cString: stream.pointee.host)): \(failure)"))
}

private func readSocket(
  _ stream: UnsafeMutablePointer<steer_socket_stream>, _ buffer: UnsafeMutableRawPointer?, _ length: Int
)
  -> Int
{
  while true {
    let read = recv(stream.pointee.socket, buffer, length, 0)
    if read >= 0 { return read }
    if errno != EINTR { return transferFailure(errno, stream) }
  }
}

#if canImport(Darwin)
  private let sendFlags: Int32 = 0  // SO_NOSIGPIPE is set on the socket
#else
  private let sendFlags = Int32(MSG_NOSIGNAL)
#endif

private func writeSocket(
  _ stream: UnsafeMutablePointer<steer_socket_stream>, _ data: UnsafePointer<CChar>?, _ length: Int
)
  -> Int
{
  while true {
    let written = send(stream.pointee.socket, data, length, sendFlags)
    if written >= 0 { return written }
    if errno != EINTR { return transferFailure(errno, stream) }
  }
}
