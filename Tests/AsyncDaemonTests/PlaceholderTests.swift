import Testing
@testable import AsyncDaemon
