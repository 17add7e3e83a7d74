// The e2e tests run real scanners, git, act and a control plane, beside each other on two cores:
// jest's 5 s default is a flake, not a limit. A test that needs more names its own.
import { jest } from '@jest/globals'

jest.setTimeout(60_000)
