package org.dbb.console.core.emulator;

/** Answers the requests of one route. Called with the emulator's state lock held; must not block. */
@FunctionalInterface
interface RouteHandler {

    /**
     * @throws ApiError when the request is refused the way the real service would refuse it
     */
    ApiResponse handle(ApiRequest request);
}
