import { main } from './cli';

// Exit through process.exitCode: process.exit() right after a large write to a pipe loses output.
process.exitCode = await main(process.argv.slice(2), {
  write: (text) => process.stdout.write(text),
  error: (text) => process.stderr.write(text),
  stdout: process.stdout,
});
