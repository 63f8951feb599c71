import { EXIT, type Command } from './command';
export const reportCommand: Command = {
  name: 'report',
  summary: '',
  usage: 'Usage: dmc report',
  options: {},
  async run() {
    return EXIT.FAILURE;
  },
};
