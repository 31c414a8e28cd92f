// SwiftPM needs one Swift file per test target; this one goes once the suites of this module land.
import Testing
