import NIOCore
import NIOHTTPTypes

/// Closes connections that send too slowly: a request's header must be complete within
/// `header` of the connection opening (or of the previous response), and a body may pause at
/// most `bodyIdle`. Without it, a thousand sockets that trickle a byte now and then hold the
/// server's file handles for as long as they like.
final class RequestDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let header: TimeAmount
    let bodyIdle: TimeAmount
    private var timer: Scheduled<Void>?

    init(header: TimeAmount, bodyIdle: TimeAmount) {
        self.header = header
        self.bodyIdle = bodyIdle
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context, header) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context, header)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head, .body: arm(context, bodyIdle)
        case .end:
            timer?.cancel()
            timer = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { arm(context, header) }
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext, _ after: TimeAmount) {
        timer?.cancel()
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: after) { channel.close(promise: nil) }
    }
}
