package br.com.whatsappoficial.api;

/** No resource of the API has this path (or not with this method). */
class ApiPathNotFound extends ApiProblem {

    ApiPathNotFound(String method, String path) {
        super(ProblemCode.NOT_FOUND, method, path);
    }
}
