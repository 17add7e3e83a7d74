import { main } from './main.js'

// A reader that stops early (`sgw version | head -1`) closes the pipe: that ends the command
// quietly, as it does for other command-line tools, instead of a stack trace about EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

process.exitCode = await main(process.argv.slice(2))
