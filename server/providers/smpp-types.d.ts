// The parts of the untyped `smpp` 0.5.1 package (CommonJS, `module.exports` object) this project uses.
// Import it as `import smpp from "smpp"`: its constants are copied onto `exports` in a loop, which
// Node's ESM named-export detection cannot see, so only the default import has them all.
declare module "smpp" {
  import { EventEmitter } from "node:events";
  import type { Server as NetServer, Socket } from "node:net";

  namespace smpp {
    /** Decoded short_message / message_payload: the package splits the UDH and decodes the text by data_coding. */
    type DecodedMessage = { udh?: Buffer[]; message: string | Buffer };

    type PduOptions = Record<string, unknown>;

    class PDU {
      constructor(command: string, options?: PduOptions);
      command: string;
      command_id: number;
      command_status: number;
      sequence_number: number;
      // Parameters and TLVs are set as own properties named as in the SMPP specification.
      system_id?: string;
      password?: string;
      system_type?: string;
      interface_version?: number;
      message_id?: string;
      service_type?: string;
      source_addr_ton?: number;
      source_addr_npi?: number;
      source_addr?: string;
      dest_addr_ton?: number;
      dest_addr_npi?: number;
      destination_addr?: string;
      esm_class?: number;
      registered_delivery?: number;
      data_coding?: number;
      short_message?: DecodedMessage | Buffer;
      message_payload?: DecodedMessage | Buffer;
      receipted_message_id?: string;
      message_state?: number;
      isResponse(): boolean;
      /** A response to this request; an error command_status makes a header-only PDU. */
      response(options?: PduOptions): PDU;
    }

    type ResponseCallback = (pdu: PDU) => void;

    class Session extends EventEmitter {
      constructor(options: { socket: Socket } | Record<string, unknown>);
      readonly socket: Socket;
      /** False (and no callback, ever) when the socket is not writable. */
      send(pdu: PDU, responseCallback?: ResponseCallback, sendCallback?: ResponseCallback): boolean;
      close(callback?: () => void): void;
      destroy(callback?: () => void): void;
      bind_transceiver(options: PduOptions, responseCallback?: ResponseCallback): boolean;
      submit_sm(options: PduOptions, responseCallback?: ResponseCallback): boolean;
      deliver_sm(options: PduOptions, responseCallback?: ResponseCallback): boolean;
      enquire_link(options: PduOptions, responseCallback?: ResponseCallback): boolean;
      unbind(options: PduOptions, responseCallback?: ResponseCallback): boolean;
    }

    class Server extends NetServer {
      sessions: Session[];
    }

    type ConnectOptions = { host: string; port: number; tls?: boolean; [option: string]: unknown };

    function connect(options: ConnectOptions, listener?: () => void): Session;
    function createServer(listener?: (session: Session) => void): Server;
    function createServer(options: Record<string, unknown>, listener?: (session: Session) => void): Server;

    type Encoding = { match(value: string): boolean; encode(value: string): Buffer; decode(value: Buffer): string };
    /** ASCII is GSM 03.38 unpacked (one septet per octet); `default` names the one used for data_coding 0. */
    const encodings: { ASCII: Encoding; LATIN1: Encoding; UCS2: Encoding; default: string };

    const errors: Record<string, number>;
  }

  export = smpp;
}
