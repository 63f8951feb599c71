import { EXIT, type Command } from './command';
export const importCommand: Command = {
  name: 'import',
  summary: '',
  usage: 'Usage: dmc import',
  options: {},
  async run() {
    return EXIT.FAILURE;
  },
};
